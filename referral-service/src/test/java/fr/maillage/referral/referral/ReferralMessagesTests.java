package fr.maillage.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.events.EventOutbox;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.testing.EventSchemas;
import fr.maillage.referral.resource.Resource;
import fr.maillage.referral.resource.ResourceType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReferralMessagesTests {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00.123Z");
    private static final String REASON = "isolement depuis la perte d'emploi";

    private final ReferralMessages messages = new ReferralMessages(EventOutbox.standalone());

    private Referral acceptedReferral() {
        Resource workshop = Resource.register(
                        UUID.randomUUID().toString(),
                        "Atelier santé mentale et travail",
                        ResourceType.WORKSHOP_PROGRAMME,
                        "lieu-dit",
                        "bievre",
                        List.of("38260"),
                        "coord",
                        T0)
                .resource();
        Referral.Submission submission = Referral.submit(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                workshop,
                Priority.ROUTINE,
                REASON,
                new Referrer("6f1c1a3e-0001-4000-8000-000000000003", "dr-martin", "msp-bievre", null),
                true,
                T0);
        Referral referral = submission.referral();
        messages.stage(referral, List.of(submission.event()));
        messages.stage(referral, referral.accept("coord", T0.plusSeconds(60)));
        return referral;
    }

    @Test
    void submittedAndAcceptedGoToBothInstitutionsKeyedByTheReferral() {
        Referral referral = acceptedReferral();

        assertThat(referral.pendingEvents())
                .extracting(OutboundEvent::type)
                .containsExactly(ReferralMessages.SUBMITTED, ReferralMessages.ACCEPTED);
        assertThat(referral.pendingEvents()).allSatisfy(event -> {
            assertThat(event.subject()).isEqualTo(referral.id());
            assertThat(event.territory()).isEqualTo("bievre");
            assertThat(event.audience()).containsExactly("lieu-dit", "msp-bievre");
        });
        assertThat(referral.pendingEvents().get(1).data())
                .containsEntry("acceptedAt", "2026-11-23T09:01:00.123Z")
                .containsEntry("personRef", referral.personRef())
                .containsEntry("resourceType", "WORKSHOP_PROGRAMME")
                .containsEntry("referrerInstitution", "msp-bievre");
    }

    @Test
    void everyEmittedEventMatchesItsSchemaAndCarriesNoFreeText() {
        Referral referral = acceptedReferral();

        assertThat(referral.pendingEvents()).allSatisfy(event -> {
            assertThat(EventSchemas.violations(event.type(), event.data())).isEmpty();
            assertThat(event.data().values()).doesNotContain(REASON);
        });
    }

    @Test
    void theSchemasRefuseAnIdentityFieldSneakingIn() {
        Map<String, Object> data =
                new LinkedHashMap<>(acceptedReferral().pendingEvents().get(0).data());
        data.put("familyName", "Dupont");

        assertThat(EventSchemas.violations(ReferralMessages.SUBMITTED, data))
                .singleElement()
                .asString()
                .contains("familyName");
    }

    @Test
    void enrolmentsRecordedFromWorkshopEventsAreNotRepublished() {
        Referral referral = acceptedReferral();
        int before = referral.pendingEvents().size();

        messages.stage(referral, referral.recordEnrolment("evt-1", T0.plusSeconds(120)));

        assertThat(referral.pendingEvents()).hasSize(before);
    }
}
