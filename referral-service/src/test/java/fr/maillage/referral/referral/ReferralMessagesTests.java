package fr.maillage.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.events.EventOutbox;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.testing.EventSchemas;
import fr.maillage.referral.resource.ResourceType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReferralMessagesTests {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00.123Z");
    private static final String REASON = "isolement depuis la perte d'emploi";
    private static final String COMMENT = "Mme D. préfère un suivi près de chez elle";
    private static final Referrer DR_MARTIN =
            new Referrer("6f1c1a3e-0001-4000-8000-000000000003", "dr-martin", "msp-bievre", null);
    private static final Actor COORD = new Actor(
            "6f1c1a3e-0001-4000-8000-000000000001",
            "coord-bievre",
            "cpts-bievre",
            Set.of("bievre"),
            false,
            true,
            false,
            false);

    private final ReferralMessages messages = new ReferralMessages(EventOutbox.standalone());

    private static Target target(ResourceType type, String institution) {
        return new Target(UUID.randomUUID().toString(), type, institution, "bievre");
    }

    private Referral submitted() {
        Referral.Submission submission = Referral.submit(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                target(ResourceType.WORKSHOP_PROGRAMME, "lieu-dit"),
                Priority.URGENT,
                REASON,
                DR_MARTIN,
                new Consent(
                        true, T0, DR_MARTIN.id(), "lieu-dit", UUID.randomUUID().toString(), true),
                T0.plus(Duration.ofHours(48)),
                T0);
        Referral referral = submission.referral();
        messages.stage(referral, List.of(submission.event()));
        return referral;
    }

    /** One referral through every published step, and the referral a redirection created. */
    private List<OutboundEvent> everyPublishedEvent() {
        List<OutboundEvent> events = new ArrayList<>();

        Referral completed = submitted();
        messages.stage(completed, completed.markOverdue(T0.plus(Duration.ofHours(49))));
        messages.stage(completed, completed.accept(COORD, T0.plusSeconds(60)));
        messages.stage(completed, completed.recordFirstContact(T0.plusSeconds(90), COORD, T0.plusSeconds(120)));
        messages.stage(completed, completed.complete(COMMENT, COORD, T0.plusSeconds(180)));
        events.addAll(completed.pendingEvents());

        Referral declined = submitted();
        messages.stage(declined, declined.decline(DeclineReason.OTHER, COMMENT, COORD, T0.plusSeconds(60)));
        events.addAll(declined.pendingEvents());

        Referral cancelled = submitted();
        messages.stage(cancelled, cancelled.cancel(COMMENT, COORD, T0.plusSeconds(60)));
        events.addAll(cancelled.pendingEvents());

        Referral redirected = submitted();
        Referral.Redirection redirection = redirected.redirect(
                UUID.randomUUID().toString(),
                target(ResourceType.CMP, "epsm-bievre"),
                DeclineReason.NO_CAPACITY,
                COMMENT,
                new Consent(
                        true, T0, COORD.id(), "epsm-bievre", UUID.randomUUID().toString(), true),
                T0.plus(Duration.ofHours(50)),
                COORD,
                T0.plusSeconds(60));
        messages.stage(redirected, redirection.events());
        messages.stage(redirection.next(), List.of(redirection.nextEvent()));
        events.addAll(redirected.pendingEvents());
        events.addAll(redirection.next().pendingEvents());
        return events;
    }

    @Test
    void everyStepOfTheLoopIsPublishedKeyedByItsReferralToBothInstitutions() {
        Referral referral = submitted();
        messages.stage(referral, referral.accept(COORD, T0.plusSeconds(60)));

        assertThat(referral.pendingEvents())
                .extracting(OutboundEvent::type)
                .containsExactly(ReferralMessages.SUBMITTED, ReferralMessages.ACCEPTED);
        assertThat(referral.pendingEvents()).allSatisfy(event -> {
            assertThat(event.subject()).isEqualTo(referral.id());
            assertThat(event.territory()).isEqualTo("bievre");
            assertThat(event.audience()).containsExactly("lieu-dit", "msp-bievre");
        });
        assertThat(referral.pendingEvents().get(0).data())
                .containsEntry("answerDueBy", "2026-11-25T09:00:00.123Z")
                .doesNotContainKey("redirectedFrom");
        assertThat(referral.pendingEvents().get(1).data())
                .containsEntry("acceptedAt", "2026-11-23T09:01:00.123Z")
                .containsEntry("personRef", referral.personRef())
                .containsEntry("resourceType", "WORKSHOP_PROGRAMME")
                .containsEntry("priority", "URGENT")
                .containsEntry("referrerInstitution", "msp-bievre");
        assertThat(everyPublishedEvent())
                .extracting(OutboundEvent::type)
                .contains(
                        ReferralMessages.SUBMITTED,
                        ReferralMessages.ACCEPTED,
                        ReferralMessages.DECLINED,
                        ReferralMessages.REDIRECTED,
                        ReferralMessages.FIRST_CONTACT_MADE,
                        ReferralMessages.COMPLETED,
                        ReferralMessages.CANCELLED,
                        ReferralMessages.OVERDUE);
    }

    @Test
    void everyEmittedEventMatchesItsSchemaAndCarriesNoFreeText() {
        List<OutboundEvent> events = everyPublishedEvent();

        assertThat(events).hasSize(12).allSatisfy(event -> {
            assertThat(EventSchemas.violations(event.type(), event.data()))
                    .as(event.type())
                    .isEmpty();
            assertThat(event.data().toString()).doesNotContain(REASON, COMMENT, "dr-martin", "coord-bievre");
        });
    }

    @Test
    void aDeclineOrARedirectionPublishesItsReasonCodeAndTheLink() {
        List<OutboundEvent> events = everyPublishedEvent();

        assertThat(events)
                .filteredOn(event -> event.type().equals(ReferralMessages.DECLINED))
                .singleElement()
                .satisfies(event -> assertThat(event.data()).containsEntry("reasonCode", "OTHER"));
        OutboundEvent redirected = events.stream()
                .filter(event -> event.type().equals(ReferralMessages.REDIRECTED))
                .findFirst()
                .orElseThrow();
        OutboundEvent next = events.getLast();
        assertThat(redirected.data()).containsEntry("reasonCode", "NO_CAPACITY");
        assertThat(redirected.audience()).containsExactly("lieu-dit", "msp-bievre");
        assertThat(next.type()).isEqualTo(ReferralMessages.SUBMITTED);
        assertThat(next.audience()).containsExactly("epsm-bievre", "msp-bievre");
        assertThat(redirected.data())
                .containsEntry("toReferralId", next.subject())
                .containsEntry("toResourceId", next.data().get("resourceId"));
        assertThat(next.data()).containsEntry("redirectedFrom", redirected.subject());
    }

    @Test
    void theOverdueEventNamesTheAnswerTargetThatPassed() {
        OutboundEvent overdue = everyPublishedEvent().stream()
                .filter(event -> event.type().equals(ReferralMessages.OVERDUE))
                .findFirst()
                .orElseThrow();

        assertThat(overdue.data())
                .containsEntry("answerDueBy", "2026-11-25T09:00:00.123Z")
                .containsEntry("overdueAt", "2026-11-25T10:00:00.123Z");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ReferralMessages.SUBMITTED,
                ReferralMessages.ACCEPTED,
                ReferralMessages.DECLINED,
                ReferralMessages.REDIRECTED,
                ReferralMessages.FIRST_CONTACT_MADE,
                ReferralMessages.COMPLETED,
                ReferralMessages.CANCELLED,
                ReferralMessages.OVERDUE
            })
    void theSchemasRefuseAnIdentityOrAFreeTextFieldSneakingIn(String type) {
        OutboundEvent event = everyPublishedEvent().stream()
                .filter(candidate -> candidate.type().equals(type))
                .findFirst()
                .orElseThrow();
        Map<String, Object> withName = new LinkedHashMap<>(event.data());
        withName.put("familyName", "Dupont");
        Map<String, Object> withComment = new LinkedHashMap<>(event.data());
        withComment.put("comment", COMMENT);

        assertThat(EventSchemas.violations(type, withName))
                .singleElement()
                .asString()
                .contains("familyName");
        assertThat(EventSchemas.violations(type, withComment)).isNotEmpty();
    }

    @Test
    void enrolmentsRecordedFromWorkshopEventsAreNotRepublished() {
        Referral referral = submitted();
        messages.stage(referral, referral.accept(COORD, T0.plusSeconds(60)));
        int before = referral.pendingEvents().size();

        messages.stage(referral, referral.recordWaitlisting("evt-0", 1, T0.plusSeconds(90)));
        messages.stage(referral, referral.recordEnrolment("evt-1", T0.plusSeconds(120)));

        assertThat(referral.pendingEvents()).hasSize(before);
    }
}
