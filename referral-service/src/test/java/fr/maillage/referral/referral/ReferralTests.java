package fr.maillage.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.referral.resource.Resource;
import fr.maillage.referral.resource.ResourceType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferralTests {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Referrer DR_MARTIN =
            new Referrer("6f1c1a3e-0001-4000-8000-000000000003", "dr-martin", "msp-bievre", null);
    private static final Resource WORKSHOP = Resource.register(
                    "res-1",
                    "Atelier santé mentale et travail",
                    ResourceType.WORKSHOP_PROGRAMME,
                    "lieu-dit",
                    "bievre",
                    List.of("38260"),
                    "coord",
                    T0)
            .resource();

    private static Referral submitted() {
        return Referral.submit("ref-1", "person-1", WORKSHOP, Priority.ROUTINE, "isolement", DR_MARTIN, true, T0)
                .referral();
    }

    private static Referral accepted() {
        Referral referral = submitted();
        referral.accept("coord-bievre-sub", T0.plusSeconds(60));
        return referral;
    }

    @Test
    void aSubmittedReferralTakesTheResourcesTerritoryAndRecordsConsentForItsInstitution() {
        Referral.Submission submission =
                Referral.submit("ref-1", "person-1", WORKSHOP, Priority.URGENT, "isolement", DR_MARTIN, true, T0);
        Referral referral = submission.referral();

        assertThat(referral.status()).isEqualTo(ReferralStatus.SUBMITTED);
        assertThat(referral.businessStatus()).isNull();
        assertThat(referral.territory()).isEqualTo("bievre");
        assertThat(referral.resourceType()).isEqualTo(ResourceType.WORKSHOP_PROGRAMME);
        assertThat(referral.consent()).isEqualTo(new Consent(true, T0, DR_MARTIN.id(), "lieu-dit"));
        assertThat(referral.history())
                .containsExactly(new HistoryEntry(T0, ReferralStatus.SUBMITTED, null, DR_MARTIN.id(), null));
        assertThat(submission.event())
                .isEqualTo(new ReferralEvent.ReferralSubmitted(
                        "ref-1",
                        "person-1",
                        "res-1",
                        ResourceType.WORKSHOP_PROGRAMME,
                        "lieu-dit",
                        "bievre",
                        Priority.URGENT,
                        "msp-bievre",
                        T0));
    }

    @Test
    void noConsentNoReferral() {
        assertThatThrownBy(() -> Referral.submit(
                        "ref-1", "person-1", WORKSHOP, Priority.ROUTINE, "isolement", DR_MARTIN, false, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("consent");
    }

    @Test
    void acceptingASubmittedReferralRecordsWhoAcceptedIt() {
        Referral referral = submitted();

        List<ReferralEvent> events = referral.accept("coord-sub", T0.plusSeconds(60));

        assertThat(referral.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(referral.history())
                .last()
                .isEqualTo(new HistoryEntry(T0.plusSeconds(60), ReferralStatus.ACCEPTED, null, "coord-sub", null));
        assertThat(events).singleElement().isInstanceOfSatisfying(ReferralEvent.ReferralAccepted.class, accepted -> {
            assertThat(accepted.acceptedAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(accepted.referrerInstitution()).isEqualTo("msp-bievre");
            assertThat(accepted.resourceInstitution()).isEqualTo("lieu-dit");
        });
    }

    @Test
    void acceptingTwiceIsAnIllegalTransitionNamingTheCurrentStatus() {
        Referral referral = accepted();

        assertThatThrownBy(() -> referral.accept("coord-sub", T0.plusSeconds(120)))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.currentStatus()).isEqualTo(ReferralStatus.ACCEPTED);
                    assertThat(e.action()).isEqualTo("accept");
                });
        assertThat(referral.history()).hasSize(2);
    }

    @Test
    void aConfirmedEnrolmentPutsTheReferralInProgressAndEnrolled() {
        Referral referral = accepted();

        List<ReferralEvent> events = referral.recordEnrolment("evt-1", T0.plusSeconds(120));

        assertThat(events).hasSize(1);
        assertThat(referral.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.ENROLLED);
        assertThat(referral.history())
                .last()
                .isEqualTo(new HistoryEntry(
                        T0.plusSeconds(120), ReferralStatus.IN_PROGRESS, BusinessStatus.ENROLLED, null, "evt-1"));
    }

    @Test
    void theSameEnrolmentEventTwiceChangesNothing() {
        Referral referral = accepted();
        referral.recordEnrolment("evt-1", T0.plusSeconds(120));

        assertThat(referral.recordEnrolment("evt-1", T0.plusSeconds(120))).isEmpty();
        assertThat(referral.recordEnrolment("evt-other", T0.plusSeconds(180))).isEmpty();
        assertThat(referral.history()).hasSize(3);
    }

    @Test
    void aWaitlistingKeepsTheReferralAcceptedAndSaysWaitlisted() {
        Referral referral = accepted();

        assertThat(referral.recordWaitlisting("evt-1", 2, T0.plusSeconds(120))).hasSize(1);
        assertThat(referral.recordWaitlisting("evt-1", 2, T0.plusSeconds(120))).isEmpty();

        assertThat(referral.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.WAITLISTED);
        assertThat(referral.history()).hasSize(3);
    }

    @Test
    void aLateWaitlistingNeverUndoesAnEnrolment() {
        Referral referral = accepted();
        referral.recordEnrolment("evt-confirmed", T0.plusSeconds(120));

        assertThat(referral.recordWaitlisting("evt-waitlisted", 1, T0.plusSeconds(60)))
                .isEmpty();

        assertThat(referral.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.ENROLLED);
    }

    @Test
    void aPlaceFreedLaterEnrolsAWaitlistedPerson() {
        Referral referral = accepted();
        referral.recordWaitlisting("evt-waitlisted", 1, T0.plusSeconds(120));

        referral.recordEnrolment("evt-confirmed", T0.plusSeconds(600));

        assertThat(referral.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.ENROLLED);
        assertThat(referral.history())
                .extracting(HistoryEntry::businessStatus)
                .containsExactly(null, null, BusinessStatus.WAITLISTED, BusinessStatus.ENROLLED);
    }

    @Test
    void anEnrolmentForAReferralNotYetAcceptedIsAnInconsistencyNotASilentChange() {
        Referral referral = submitted();

        assertThatThrownBy(() -> referral.recordEnrolment("evt-1", T0)).isInstanceOf(IllegalTransitionException.class);
        assertThat(referral.status()).isEqualTo(ReferralStatus.SUBMITTED);
        assertThat(referral.businessStatus()).isNull();
    }
}
