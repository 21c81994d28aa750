package fr.maillage.referral.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonTests {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Recorder DR_MARTIN = new Recorder("dr-martin", "msp-bievre");
    private static final CareTeamMember REFERRER =
            new CareTeamMember("dr-martin", "msp-bievre", CareTeamRole.REFERRER, "referral:r1");

    private static Person person() {
        return Person.register("p-1", "blind-index", new byte[] {1, 2, 3}, T0);
    }

    private static ConsentRequest referralConsent(Set<String> institutions, Set<String> resources) {
        return new ConsentRequest(ConsentPurpose.REFERRAL, institutions, resources);
    }

    @Test
    void aConsentCoversTheResourcesAndInstitutionsItListsAndNothingElse() {
        Person person = person();
        person.recordConsent("c1", referralConsent(Set.of("epsm-bievre"), Set.of()), DR_MARTIN, T0);
        person.recordConsent("c2", referralConsent(Set.of(), Set.of("resource-cmp")), DR_MARTIN, T0);

        assertThat(person.consentCovering("any-resource", "epsm-bievre", T0))
                .hasValueSatisfying(consent -> assertThat(consent.id()).isEqualTo("c1"));
        assertThat(person.consentCovering("resource-cmp", "another-institution", T0))
                .hasValueSatisfying(consent -> assertThat(consent.id()).isEqualTo("c2"));
        assertThat(person.consentCovering("resource-hdj", "lieu-dit", T0)).isEmpty();
        assertThat(person.consentCovering(null, null, T0)).isEmpty();
    }

    @Test
    void theMostRecentCoveringConsentIsTheOneThatCounts() {
        Person person = person();
        person.recordConsent("older", referralConsent(Set.of("epsm-bievre"), Set.of()), DR_MARTIN, T0);
        person.recordConsent("newer", referralConsent(Set.of("epsm-bievre"), Set.of()), DR_MARTIN, T0.plusSeconds(60));

        assertThat(person.consentCovering("r", "epsm-bievre", T0.plusSeconds(120)))
                .hasValueSatisfying(consent -> assertThat(consent.id()).isEqualTo("newer"));
    }

    @Test
    void aWithdrawnConsentCoversNothingFromItsWithdrawalOn() {
        Person person = person();
        person.recordConsent("c1", referralConsent(Set.of("epsm-bievre"), Set.of("resource-cmp")), DR_MARTIN, T0);

        PersonEvent.ConsentWithdrawn withdrawn = person.withdrawConsent("c1", "coord-bievre", T0.plusSeconds(60));

        assertThat(withdrawn.consent().withdrawnAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(withdrawn.consent().withdrawnBy()).isEqualTo("coord-bievre");
        assertThat(person.consentCovering("resource-cmp", "epsm-bievre", T0.plusSeconds(30)))
                .isPresent();
        assertThat(person.consentCovering("resource-cmp", "epsm-bievre", T0.plusSeconds(60)))
                .isEmpty();
        assertThat(person.consent("c1"))
                .hasValueSatisfying(consent -> assertThat(consent.isWithdrawn()).isTrue());
    }

    @Test
    void aConsentIsWithdrawnOnceAndOnlyIfItExists() {
        Person person = person();
        person.recordConsent("c1", referralConsent(Set.of("epsm-bievre"), Set.of()), DR_MARTIN, T0);
        person.withdrawConsent("c1", "dr-martin", T0);

        assertThatThrownBy(() -> person.withdrawConsent("c1", "dr-martin", T0))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> person.withdrawConsent("unknown", "dr-martin", T0))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aConsentThatCoversNothingCannotBeAsked() {
        assertThatThrownBy(() -> referralConsent(Set.of(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRecordedConsentIsToldToTheInstitutionsItCoversAndTheRecorders() {
        Person person = person();
        person.joinCareTeam(REFERRER, "bievre", T0);

        PersonEvent.ConsentRecorded recorded = person.recordConsent(
                "c1", referralConsent(Set.of("lieu-dit", "epsm-bievre"), Set.of("resource-cmp")), DR_MARTIN, T0);

        assertThat(recorded.audience()).containsExactly("epsm-bievre", "lieu-dit", "msp-bievre");
        assertThat(recorded.territory()).isEqualTo("bievre");
        assertThat(recorded.consent().recordedBy()).isEqualTo("dr-martin");
        assertThat(recorded.consent().recordedByInstitution()).isEqualTo("msp-bievre");
        assertThat(recorded.consent().givenAt()).isEqualTo(T0);
    }

    @Test
    void joiningTheCareTeamTwiceIsOneMembershipAndEachTerritoryCounts() {
        Person person = person();

        assertThat(person.joinCareTeam(REFERRER, "bievre", T0)).isTrue();
        assertThat(person.joinCareTeam(REFERRER, "bievre", T0.plusSeconds(5))).isFalse();
        assertThat(person.joinCareTeam(REFERRER, "lyon-nord", T0)).isTrue();
        assertThat(person.joinCareTeam(
                        new CareTeamMember(null, "epsm-bievre", CareTeamRole.TARGET_INSTITUTION, "referral:r1"),
                        "bievre",
                        T0))
                .isTrue();

        assertThat(person.careTeam()).hasSize(3);
        assertThat(person.territories()).containsExactly("bievre", "lyon-nord");
        assertThat(person.institutions()).containsExactly("epsm-bievre", "msp-bievre");
    }

    @Test
    void aCareTeamMemberIsAProfessionalOrAnInstitution() {
        assertThatThrownBy(() -> new CareTeamMember(null, " ", CareTeamRole.REFERRER, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new CareTeamMember(null, "epsm-bievre", CareTeamRole.TARGET_INSTITUTION, null).isInstitutionLevel())
                .isTrue();
        assertThat(new CareTeamMember("ide-bernard", null, CareTeamRole.FACILITATOR, null).isInstitutionLevel())
                .isFalse();
    }

    @Test
    void erasureRemovesTheIdentityAndBlindIndexButKeepsConsentsAndCareTeam() {
        Person person = person();
        person.joinCareTeam(REFERRER, "bievre", T0);
        person.joinCareTeam(
                new CareTeamMember(null, "epsm-bievre", CareTeamRole.TARGET_INSTITUTION, "referral:r1"), "bievre", T0);
        person.recordConsent("c1", referralConsent(Set.of("lieu-dit"), Set.of()), DR_MARTIN, T0);

        PersonEvent.PersonErased erased = person.erase(T0.plusSeconds(60));

        assertThat(person.isErased()).isTrue();
        assertThat(person.erasedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(person.encryptedIdentity()).isEmpty();
        assertThat(person.blindIndex()).isNull();
        assertThat(person.personRef()).isEqualTo("p-1");
        assertThat(person.careTeam()).hasSize(2);
        assertThat(person.consents()).hasSize(1);
        assertThat(erased.personRef()).isEqualTo("p-1");
        assertThat(erased.erasedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(erased.audience()).containsExactly("epsm-bievre", "lieu-dit", "msp-bievre");
        assertThat(erased.territory()).isEqualTo("bievre");
    }

    @Test
    void anErasedPersonIsErasedOnceTakesNoNewConsentOrMemberAndIsCoveredByNothing() {
        Person person = person();
        person.recordConsent("c1", referralConsent(Set.of("lieu-dit"), Set.of()), DR_MARTIN, T0);
        person.erase(T0);

        assertThatThrownBy(() -> person.erase(T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(
                        () -> person.recordConsent("c2", referralConsent(Set.of("lieu-dit"), Set.of()), DR_MARTIN, T0))
                .isInstanceOf(IllegalStateException.class);
        assertThat(person.joinCareTeam(REFERRER, "bievre", T0)).isFalse();
        assertThat(person.careTeam()).isEmpty();
        assertThat(person.consentCovering("r", "lieu-dit", T0)).isEmpty();
    }

    @Test
    void theTerritoryOfAnEventIsThePersonsOnlyTerritoryOrNone() {
        Person person = person();
        assertThat(person.recordConsent("c1", referralConsent(Set.of("lieu-dit"), Set.of()), DR_MARTIN, T0)
                        .territory())
                .isNull();
        person.joinCareTeam(REFERRER, "bievre", T0);
        person.joinCareTeam(REFERRER, "lyon-nord", T0);

        assertThat(person.recordConsent("c2", referralConsent(Set.of("lieu-dit"), Set.of()), DR_MARTIN, T0)
                        .territory())
                .isNull();
    }
}
