package fr.maillage.alert.alert;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.alert.AlertIntegrationSupport;
import fr.maillage.localstack.oidc.DemoUsers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole circuit over HTTP with the demo accounts: partner-epsm raises an alert in bievre;
 * coord-bievre finds it in the queue, qualifies it (override, then as suggested), the team is
 * proposed, the response comes late so it escalates, then response, feedback and closure;
 * partner-epsm reads the outcome. Every event published on the way keeps the contract.
 */
class AlertCircuitIntegrationTests extends AlertIntegrationSupport {

    private static final String PARTNER = DemoUsers.PARTNER_EPSM;

    @Test
    void fromEmissionToFeedbackTheEmitterLearnsWhatHappened() {
        TopicReader events = read(ALERT_TOPIC);
        String personRef = freshPersonRef();

        // Emission: suggested B (suicidal ideation without support), due 2 s later in tests.
        HttpResponse<String> raised = post(
                "/api/alerts",
                token(PARTNER),
                alertBody("bievre", "38130", personRef, "SUICIDAL_IDEATION", "NO_SUPPORT"));
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
        JsonNode alert = json(raised);
        String id = alert.get("id").asString();
        assertThat(raised.headers().firstValue("Location")).contains("/api/alerts/" + id);
        assertThat(raised.headers().firstValue("ETag")).isPresent();
        assertThat(alert.get("status").asString()).isEqualTo("RAISED");
        assertThat(alert.get("suggestedUrgency").asString()).isEqualTo("B");
        assertThat(alert.get("suggestionRule").asString()).isEqualTo("suicidal-ideation-without-support");
        assertThat(alert.get("urgency").isNull()).isTrue();
        assertThat(alert.path("emitter").get("institution").asString()).isEqualTo("epsm-bievre");
        assertThat(alert.path("emitter").get("name").asString()).isEqualTo(EMITTER_NAME);
        assertThat(alert.get("raisedBy").asString())
                .isEqualTo(DemoUsers.account(PARTNER).subject().toString());
        assertThat(alert.get("situation").asString()).isEqualTo(SITUATION);
        assertThat(alert.get("escalationLevel").asInt()).isZero();
        Instant raisedAt = Instant.parse(alert.get("raisedAt").asString());
        assertThat(Instant.parse(alert.get("dueBy").asString())).isEqualTo(raisedAt.plusSeconds(2));
        assertThat(Duration.parse(alert.get("timeRemaining").asString())).isLessThanOrEqualTo(Duration.ofSeconds(2));

        // The queue: coord-bievre sees it, the page in due order.
        JsonNode queue = json(get("/api/alerts?territory=bievre&size=100", token("coord-bievre")));
        List<JsonNode> items =
                StreamSupport.stream(queue.get("items").spliterator(), false).toList();
        assertThat(items).extracting(item -> item.get("id").asString()).contains(id);
        assertThat(items)
                .extracting(item -> Instant.parse(item.get("dueBy").asString()))
                .isSorted();

        // Qualification: departing from B needs a reason; then back to B as suggested.
        HttpResponse<String> noReason = post("/api/alerts/" + id + "/qualification", token("coord-bievre"), """
                {"urgency":"C","responseLevel":"CMP_APPOINTMENT","rationale":"has a sister nearby"}""");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(problem(noReason)).isEqualTo("override-reason-required");
        JsonNode overridden = step(id, "qualification", token("coord-bievre"), """
                {"urgency":"C","responseLevel":"CMP_APPOINTMENT","rationale":"has a sister nearby",
                 "overrideReason":"sister stays with her tonight"}""");
        assertThat(overridden.get("status").asString()).isEqualTo("QUALIFIED");
        assertThat(overridden.get("urgency").asString()).isEqualTo("C");
        assertThat(overridden.get("overrideReason").asString()).isEqualTo("sister stays with her tonight");
        assertThat(overridden.path("assignment").get("proposed").asBoolean()).isTrue();
        assertThat(overridden.path("assignment").get("rule").asString())
                .isIn("sector-office-hours", "regulation-out-of-hours");
        assertThat(overridden.path("assignment").get("institution").asString()).isEqualTo("epsm-bievre");
        JsonNode qualified = step(id, "qualification", token("dr-martin"), """
                {"urgency":"B","responseLevel":"MOBILE_CRISIS_TEAM","rationale":"alone tonight after all"}""");
        assertThat(qualified.get("urgency").asString()).isEqualTo("B");
        assertThat(qualified.get("overrideReason").isNull()).isTrue();
        assertThat(qualified.path("assignment").get("teamId").asString()).isEqualTo("epsm-bievre-regulation");
        assertThat(Instant.parse(qualified.get("dueBy").asString())).isEqualTo(raisedAt.plusSeconds(2));

        // Late: the watcher escalates it.
        events.awaitEventOf(id, escalatedTo(1));
        JsonNode late = json(get("/api/alerts/" + id, token("coord-bievre")));
        assertThat(late.get("overdue").asBoolean()).isTrue();
        assertThat(late.get("escalationLevel").asInt()).isPositive();
        assertThat(Duration.parse(late.get("timeRemaining").asString())).isNegative();

        // Assignment (the proposal accepted), response, feedback, closure.
        JsonNode assigned = step(id, "assignment", token("coord-bievre"), "{}");
        assertThat(assigned.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(assigned.path("assignment").get("proposed").asBoolean()).isFalse();
        assertThat(assigned.path("assignment").get("assignedBy").asString())
                .isEqualTo(DemoUsers.COORD_BIEVRE_ID.toString());
        JsonNode responded = step(id, "response", token("dr-martin"), """
                {"actions":["MOBILE_TEAM_SENT","CONTACT_MADE"],"summary":"Mobile team saw her at home",
                 "referralId":"7f000000-0000-4000-8000-00000000abcd","respondedBy":"Equipe mobile"}""");
        assertThat(responded.get("status").asString()).isEqualTo("RESPONDED");
        assertThat(responded.get("respondedAt").isNull()).isFalse();
        assertThat(responded.get("timeRemaining").isNull()).isTrue();
        assertThat(responded.path("responses").get(0).get("recordedBy").asString())
                .isEqualTo(DemoUsers.DR_MARTIN_ID.toString());
        HttpResponse<String> tooSoon = post("/api/alerts/" + id + "/closure", token("coord-bievre"), CLOSURE);
        assertThat(tooSoon.statusCode()).isEqualTo(409);
        assertThat(problem(tooSoon)).isEqualTo("feedback-required");
        JsonNode told = step(id, "feedback", token("dr-martin"), """
                {"message":"The mobile team saw her; follow-up at the CMP","channel":"PARTNER_API"}""");
        assertThat(told.get("status").asString()).isEqualTo("RESPONDED");
        assertThat(told.path("feedback").get("channel").asString()).isEqualTo("PARTNER_API");
        JsonNode closed = step(id, "closure", token("coord-bievre"), CLOSURE);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("closure").get("outcome").asString()).isEqualTo("RESOLVED");

        // The partner reads the outcome, not the staff's record.
        HttpResponse<String> outcome = get("/api/alerts/" + id, token(PARTNER));
        assertThat(outcome.statusCode()).isEqualTo(200);
        JsonNode partnerView = json(outcome);
        assertThat(partnerView.get("status").asString()).isEqualTo("CLOSED");
        assertThat(partnerView.get("urgency").asString()).isEqualTo("B");
        assertThat(partnerView.get("situation").asString())
                .as("its own situation")
                .isEqualTo(SITUATION);
        assertThat(partnerView.path("feedback").get("message").asString())
                .isEqualTo("The mobile team saw her; follow-up at the CMP");
        assertThat(partnerView.path("closure").get("outcome").asString()).isEqualTo("RESOLVED");
        assertThat(partnerView.get("respondedAt").isNull()).isFalse();
        assertThat(partnerView.propertyNames())
                .doesNotContain("rationale", "responses", "emitter", "assignment", "riskFactors", "linkedAlerts");
        assertThat(outcome.body()).doesNotContain("Mobile team saw her at home", "sister");

        // The record, and the events: each in the contract, none with the situation or identities.
        // (The watcher may escalate at any moment after the 2 s, so escalations are checked apart.)
        JsonNode history = json(get("/api/alerts/" + id + "/history", token("coord-bievre")));
        List<String> actions = StreamSupport.stream(history.spliterator(), false)
                .map(entry -> entry.get("action").asString())
                .toList();
        assertThat(actions).contains("escalated");
        assertThat(actions.stream().filter(action -> !action.equals("escalated")))
                .containsExactly(
                        "raised",
                        "qualified",
                        "assignment-proposed",
                        "qualified",
                        "assignment-proposed",
                        "assigned",
                        "responded",
                        "feedback-sent",
                        "closed");
        List<JsonNode> published = events.awaitEventOf(id, ofType("fr.maillage.alert.closed.v1"));
        assertPublishedContract(published);
        assertThat(published).anyMatch(escalatedTo(1));
        assertThat(published.stream()
                        .filter(escalatedTo(1).or(escalatedTo(2)).negate())
                        .map(event -> event.get("type").asString()))
                .containsExactly(
                        "fr.maillage.alert.raised.v1",
                        "fr.maillage.alert.qualified.v1",
                        "fr.maillage.alert.assigned.v1",
                        "fr.maillage.alert.qualified.v1",
                        "fr.maillage.alert.assigned.v1",
                        "fr.maillage.alert.assigned.v1",
                        "fr.maillage.alert.responded.v1",
                        "fr.maillage.alert.feedback-sent.v1",
                        "fr.maillage.alert.closed.v1");
        JsonNode respondedEvent = published.stream()
                .filter(ofType("fr.maillage.alert.responded.v1"))
                .findFirst()
                .orElseThrow();
        assertThat(respondedEvent.path("data").get("withinTarget").asBoolean()).isFalse();
        assertThat(respondedEvent.path("data").get("personRef").asString()).isEqualTo(personRef);
        assertThat(respondedEvent.path("data").get("referralId").asString())
                .isEqualTo("7f000000-0000-4000-8000-00000000abcd");
        assertThat(published.getFirst().get("audience").asString()).isEqualTo("epsm-bievre");
        assertThat(published.getFirst().get("source").asString()).isEqualTo("/maillage/alert");
    }

    @Test
    void aPartnerNeverSeesAnotherEmittersAlert() {
        String byClinician = raise(token("dr-martin"), alertBody("bievre", "38130", freshPersonRef(), "ISOLATION"))
                .get("id")
                .asString();

        HttpResponse<String> response = get("/api/alerts/" + byClinician, token(PARTNER));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain(SITUATION, EMITTER_NAME);
        assertThat(get("/api/alerts/" + byClinician, token("dr-martin")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aCoordinatorAcceptsTheProposalWithoutAnyBodyOrChoosesAnotherTeam() {
        String accepted = stableAlertIn("QUALIFIED");
        String chosen = stableAlertIn("QUALIFIED");

        HttpResponse<String> noBody = postWithoutBody("/api/alerts/" + accepted + "/assignment", token("coord-bievre"));
        JsonNode other = step(chosen, "assignment", token("coord-bievre"), "{\"teamId\":\"cmp-beaurepaire\"}");

        assertThat(noBody.statusCode()).as(noBody.body()).isEqualTo(200);
        assertThat(json(noBody).path("assignment").get("proposed").asBoolean()).isFalse();
        assertThat(other.path("assignment").get("teamId").asString()).isEqualTo("cmp-beaurepaire");
        assertThat(other.path("assignment").get("rule").asString()).isEqualTo("coordinator-choice");
        assertThat(other.get("status").asString()).isEqualTo("ASSIGNED");
    }

    @Test
    void staffMayRaiseTooAndRecordTheirOwnInstitution() {
        JsonNode alert = raise(token("dr-martin"), alertBody("bievre", null, null, "REFUSAL_OF_CARE"));

        assertThat(alert.path("emitter").get("institution").asString()).isEqualTo("msp-bievre");
        assertThat(alert.get("suggestedUrgency").asString()).isEqualTo("D");
        assertThat(alert.get("suggestionRule").asString()).isEqualTo("refusal-of-care");
        assertThat(alert.get("personRef").isNull()).isTrue();
        assertThat(alert.path("subject").get("description").asString()).isEqualTo(SUBJECT_DESCRIPTION);
        assertThat(Set.of("RAISED")).contains(alert.get("status").asString());
    }
}
