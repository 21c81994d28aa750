package fr.maillage.alert.alert;

import static fr.maillage.alert.alert.AlertFixtures.COORDINATOR;
import static fr.maillage.alert.alert.AlertFixtures.PLANNING;
import static fr.maillage.alert.alert.AlertFixtures.RAISED_AT;
import static fr.maillage.alert.alert.AlertFixtures.SECOND_LEVEL_AFTER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.events.EventOutbox;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.testing.EventSchemas;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Every event of a whole circuit keeps its published schema and carries no identity or free text. */
class AlertMessagesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ID = "0f1e2d3c-4b5a-4968-8776-655443322110";
    private static final String EARLIER = "0f1e2d3c-4b5a-4968-8776-655443322111";

    private final AlertMessages messages = new AlertMessages(EventOutbox.standalone());

    /** Raised with a subject (no personRef), escalated twice, then the whole circuit. */
    private Alert wholeCircuit() {
        Raising raising = new Raising(
                Channel.PHONE,
                "bievre",
                "38130",
                new Emitter(EmitterKind.FAMILY, "Jeanne Dupont", "none", "06 12 34 56 78", true, "cpts-bievre"),
                null,
                new Subject("her son, tall, red coat", 34, "38130"),
                "He said he would end it tonight",
                List.of(RiskFactor.SUICIDE_PLAN_OR_ATTEMPT),
                false);
        Alert.Raised raised = Alert.raise(ID, raising, "coord", RAISED_AT, PLANNING, List.of(EARLIER));
        Alert alert = raised.alert();
        messages.stage(alert, List.of(raised.event()));
        Instant due = alert.dueBy();
        messages.stage(alert, alert.escalate(1, due, SECOND_LEVEL_AFTER));
        messages.stage(alert, alert.escalate(2, due.plus(SECOND_LEVEL_AFTER), SECOND_LEVEL_AFTER));
        Instant later = due.plus(Duration.ofHours(3));
        messages.stage(
                alert,
                alert.qualify(
                        Urgency.A,
                        ResponseLevel.EMERGENCY_SERVICES,
                        "plan",
                        "means at hand",
                        COORDINATOR,
                        later,
                        PLANNING));
        messages.stage(alert, alert.assign("cmp-bievre-sud", COORDINATOR, later, PLANNING));
        messages.stage(
                alert,
                alert.respond(
                        List.of(ResponseAction.EMERGENCY_SERVICES_CALLED),
                        "SAMU sent to his flat",
                        "7f000000-0000-4000-8000-000000000001",
                        null,
                        null,
                        COORDINATOR,
                        later));
        messages.stage(
                alert, alert.recordFeedback("Jeanne was called back", FeedbackChannel.PHONE, COORDINATOR, later));
        messages.stage(alert, alert.close(Outcome.EMERGENCY_SERVICES_TOOK_OVER, null, false, COORDINATOR, later));
        return alert;
    }

    @Test
    void everyEventOfTheCircuitMatchesItsPublishedSchema() {
        Alert alert = wholeCircuit();

        assertThat(alert.pendingEvents())
                .extracting(OutboundEvent::type)
                .containsExactly(
                        "fr.maillage.alert.raised.v1",
                        "fr.maillage.alert.escalated.v1",
                        "fr.maillage.alert.escalated.v1",
                        "fr.maillage.alert.qualified.v1",
                        "fr.maillage.alert.assigned.v1",
                        "fr.maillage.alert.assigned.v1",
                        "fr.maillage.alert.responded.v1",
                        "fr.maillage.alert.feedback-sent.v1",
                        "fr.maillage.alert.closed.v1");
        for (OutboundEvent event : alert.pendingEvents()) {
            EventSchemas.assertValid(event.type(), JSON.writeValueAsString(event.data()));
            assertThat(event.subject()).isEqualTo(ID);
            assertThat(event.territory()).isEqualTo("bievre");
        }
    }

    @Test
    void nullablesAreNullAndFlagsSayWhatHappened() {
        Alert alert = wholeCircuit();
        Map<String, Object> raised = alert.pendingEvents().getFirst().data();
        Map<String, Object> qualified = alert.pendingEvents().get(3).data();
        Map<String, Object> responded = alert.pendingEvents().get(6).data();
        Map<String, Object> closed = alert.pendingEvents().getLast().data();

        assertThat(raised).containsEntry("personRef", null).containsEntry("possibleDuplicate", true);
        assertThat(raised).containsEntry("emitterInstitution", "cpts-bievre");
        assertThat(qualified).containsEntry("overridden", true).containsEntry("suggestedUrgency", "B");
        assertThat(responded).containsEntry("withinTarget", false);
        assertThat(closed).containsEntry("feedbackGiven", true).containsEntry("feedbackWaived", false);
    }

    @Test
    void noEventCarriesTheSituationTheEmitterOrTheSubject() {
        Alert alert = wholeCircuit();

        for (OutboundEvent event : alert.pendingEvents()) {
            String data = JSON.writeValueAsString(event.data());
            assertThat(data)
                    .doesNotContain("end it tonight", "Jeanne", "Dupont", "06 12", "red coat", "SAMU", "called back")
                    .doesNotContain("SUICIDE_PLAN", "means at hand", "plan\"");
        }
    }

    @Test
    void theAudienceIsTheRaisingInstitutionAndTheTeamInCharge() {
        Alert alert = wholeCircuit();

        assertThat(alert.pendingEvents().getFirst().audience()).containsExactly("cpts-bievre");
        assertThat(alert.pendingEvents().getLast().audience()).containsExactly("cpts-bievre", "epsm-bievre");
    }

    @Test
    void theFollowUpAlertsOfThePlatformHaveNoEmitterInstitution() {
        Raising internal = new Raising(
                Channel.INTERNAL,
                "bievre",
                null,
                new Emitter(EmitterKind.PROFESSIONAL, null, "workshop group g1", null, false, null),
                AlertFixtures.PERSON,
                null,
                "generated",
                List.of(RiskFactor.CARE_DISRUPTION),
                false);
        Alert.Raised raised = Alert.raise(ID, internal, null, RAISED_AT, PLANNING, List.of());
        messages.stage(raised.alert(), List.of(raised.event()));

        OutboundEvent event = raised.alert().pendingEvents().getFirst();
        EventSchemas.assertValid(event.type(), JSON.writeValueAsString(event.data()));
        assertThat(event.audience()).isEmpty();
        assertThat(event.data()).containsEntry("channel", "INTERNAL").containsEntry("suggestedUrgency", "E");
    }
}
