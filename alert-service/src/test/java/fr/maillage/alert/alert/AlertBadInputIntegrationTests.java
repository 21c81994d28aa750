package fr.maillage.alert.alert;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.alert.AlertIntegrationSupport;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * Bad input answers a 4xx problem that says what is wrong, and stores nothing; every illegal step
 * answers 409 naming the current state and changes nothing; a stale If-Match answers 412.
 */
class AlertBadInputIntegrationTests extends AlertIntegrationSupport {

    @Autowired
    MongoTemplate mongo;

    private final String personRef = freshPersonRef();

    private long storedAlerts() {
        return mongo.count(new Query(), "alerts");
    }

    /** POSTs a raising as coord-bievre and checks that nothing was stored. */
    private HttpResponse<String> refusedRaising(String body) {
        long before = storedAlerts();
        HttpResponse<String> response = post("/api/alerts", token("coord-bievre"), body);
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(storedAlerts()).as("nothing stored").isEqualTo(before);
        return response;
    }

    private String valid() {
        return alertBody("bievre", "38130", personRef, "ISOLATION");
    }

    // ---- raising

    @Test
    void anUnknownChannelNamesTheFieldAndTheAcceptedValues() {
        HttpResponse<String> response = refusedRaising(valid().replace("\"PARTNER_API\"", "\"FAX\""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problem(response)).isEqualTo("invalid-body");
        JsonNode problem = json(response);
        assertThat(problem.get("field").asString()).isEqualTo("channel");
        assertThat(StreamSupport.stream(problem.get("acceptedValues").spliterator(), false)
                        .map(JsonNode::asString))
                .contains("PLATFORM", "CMP", "CRISIS_LINE", "REGULATION", "PARTNER_API", "PHONE");
    }

    @Test
    void anUnknownRiskFactorNamesItsPlaceInTheList() {
        HttpResponse<String> response = refusedRaising(valid().replace("\"ISOLATION\"", "\"ISOLATION\",\"BOREDOM\""));

        assertThat(problem(response)).isEqualTo("invalid-body");
        assertThat(json(response).get("field").asString()).isEqualTo("riskFactors[1]");
        assertThat(json(response).get("acceptedValues").toString()).contains("SUICIDAL_IDEATION", "NO_SUPPORT");
    }

    @Test
    void anUnknownEmitterKindIsRefused() {
        HttpResponse<String> response = refusedRaising(valid().replace("\"PARTNER_INSTITUTION\"", "\"NEIGHBOUR\""));

        assertThat(json(response).get("field").asString()).isEqualTo("emitter.kind");
    }

    @ParameterizedTest(name = "{0} -> 400 validation-failed on {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"territory\":\"bievre\",|territory",
                "\"commune\":\"38130\"|commune",
                "\"situation\":\"" + SITUATION + "\"|situation",
                "\"riskFactors\":[\"ISOLATION\"]|riskFactors",
                "\"personAware\":true|personAware",
                "\"wantsFeedback\":true|emitter.wantsFeedback"
            })
    void aMissingOrWrongFieldIsNamed(String part, String field) {
        String replacement = switch (field) {
            case "commune" -> "\"commune\":\"Lyon\"";
            case "riskFactors" -> "\"riskFactors\":[\"ISOLATION\",\"ISOLATION\"]";
            case "emitter.wantsFeedback" -> "\"wantsFeedback\":null";
            default -> "\"" + field + "\":null" + (part.endsWith(",") ? "," : "");
        };
        HttpResponse<String> response = refusedRaising(valid().replace(part, replacement));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problem(response)).isEqualTo("validation-failed");
        assertThat(json(response).get("errors").toString()).contains("\"field\":\"" + field);
    }

    @Test
    void aPersonRefOrASubjectIsRequired() {
        HttpResponse<String> response = refusedRaising(valid().replace("\"" + personRef + "\"", "null"));

        assertThat(problem(response)).isEqualTo("validation-failed");
        assertThat(json(response).get("errors").toString()).contains("personRef or subject is required");
    }

    @Test
    void aSituationOfMoreThan4000CharactersIsRefused() {
        HttpResponse<String> response = refusedRaising(valid().replace(SITUATION, "x".repeat(4001)));

        assertThat(problem(response)).isEqualTo("validation-failed");
        assertThat(json(response).get("errors").toString()).contains("situation");
    }

    @Test
    void aOneMegabyteSituationIsTooLarge() {
        HttpResponse<String> response = refusedRaising(valid().replace(SITUATION, "x".repeat(1024 * 1024)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(problem(response)).isEqualTo("payload-too-large");
    }

    @Test
    void malformedJsonIsRefused() {
        HttpResponse<String> response = refusedRaising(valid().substring(0, 80));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problem(response)).isEqualTo("malformed-json");
    }

    @Test
    void aTerritoryTheCallerDoesNotCoverIsForbidden() {
        HttpResponse<String> response = refusedRaising(alertBody("lyon-nord", "69381", personRef, "ISOLATION"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(problem(response)).isEqualTo("territory-not-covered");
    }

    @Test
    void theInternalChannelIsOnlyForThePlatformItself() {
        HttpResponse<String> response = refusedRaising(valid().replace("\"PARTNER_API\"", "\"INTERNAL\""));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(problem(response)).isEqualTo("channel-not-allowed");
    }

    @Test
    void aPersonRefMustBeAUuid() {
        HttpResponse<String> response = refusedRaising(valid().replace(personRef, "Ginette Lambert"));

        assertThat(json(response).get("errors").toString()).contains("personRef");
    }

    // ---- steps

    @Test
    void anOverrideWithoutReasonIsRefusedAndChangesNothing() {
        String id = raiseStableAlert();
        String etag = etagOf(id);

        HttpResponse<String> response = post("/api/alerts/" + id + "/qualification", token("coord-bievre"), """
                {"urgency":"E","responseLevel":"PSYCHOLOGICAL_SUPPORT","rationale":"r","overrideReason":"  "}""");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(problem(response)).isEqualTo("override-reason-required");
        assertThat(etagOf(id)).isEqualTo(etag);
    }

    @Test
    void anOnSiteInterventionForUrgencyAIsNotApplicable() {
        String id = raiseStableAlert();

        HttpResponse<String> response = post("/api/alerts/" + id + "/qualification", token("coord-bievre"), """
                {"urgency":"A","responseLevel":"ON_SITE_INTERVENTION","rationale":"r","overrideReason":"danger"}""");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(problem(response)).isEqualTo("response-level-not-applicable");
    }

    @Test
    void anUnknownTeamIsUnprocessable() {
        String id = stableAlertIn("QUALIFIED");

        HttpResponse<String> response =
                post("/api/alerts/" + id + "/assignment", token("coord-bievre"), "{\"teamId\":\"cmp-croix-rousse\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(problem(response)).isEqualTo("unknown-team");
    }

    @Test
    void aResponseNeedsItsActionsAndAnUnknownOneIsNamed() {
        String id = stableAlertIn("ASSIGNED");

        HttpResponse<String> none =
                post("/api/alerts/" + id + "/response", token("coord-bievre"), "{\"actions\":[],\"summary\":\"s\"}");
        HttpResponse<String> unknown = post(
                "/api/alerts/" + id + "/response",
                token("coord-bievre"),
                "{\"actions\":[\"PRAYED\"],\"summary\":\"s\"}");

        assertThat(problem(none)).isEqualTo("validation-failed");
        assertThat(problem(unknown)).isEqualTo("invalid-body");
        assertThat(json(unknown).get("field").asString()).isEqualTo("actions[0]");
    }

    @Test
    void closingWithoutFeedbackWhenTheEmitterWantsItIsAConflict() {
        String id = stableAlertIn("RESPONDED");

        HttpResponse<String> response = post(
                "/api/alerts/" + id + "/closure",
                token("coord-bievre"),
                "{\"outcome\":\"RESOLVED\",\"feedbackWaiverReason\":\"busy\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(problem(response)).isEqualTo("feedback-required");
        assertThat(json(response).get("currentState").asString()).isEqualTo("RESPONDED");
    }

    @Test
    void anEmitterWhoWantedNoFeedbackNeedsAWaiverReason() {
        String body = alertBody("bievre", "38130", freshPersonRef(), "PSYCHOTIC_SYMPTOMS")
                .replace("\"wantsFeedback\":true", "\"wantsFeedback\":false");
        String id = raise(token("coord-bievre"), body).get("id").asString();
        step(id, "qualification", token("coord-bievre"), QUALIFY_AS_SUGGESTED_C);
        step(id, "response", token("coord-bievre"), RESPONSE);

        HttpResponse<String> noWaiver = post("/api/alerts/" + id + "/closure", token("coord-bievre"), CLOSURE);
        assertThat(noWaiver.statusCode()).isEqualTo(409);
        assertThat(problem(noWaiver)).isEqualTo("feedback-required");

        JsonNode closed = step(
                id,
                "closure",
                token("coord-bievre"),
                "{\"outcome\":\"RESOLVED\",\"feedbackWaiverReason\":\"the emitter asked for none\"}");
        assertThat(closed.path("closure").get("feedbackWaiverReason").asString())
                .isEqualTo("the emitter asked for none");
    }

    /** An alert in each state, made once and shared: refused steps do not change them. */
    private static final Map<String, String> ALERT_IN = new ConcurrentHashMap<>();

    @ParameterizedTest(name = "{1} on an alert {0} -> 409 naming {0}")
    @CsvSource({
        "RESPONDED, qualification",
        "CLOSED, qualification",
        "RAISED, assignment",
        "RESPONDED, assignment",
        "CLOSED, assignment",
        "RAISED, response",
        "CLOSED, response",
        "RAISED, feedback",
        "QUALIFIED, feedback",
        "ASSIGNED, feedback",
        "CLOSED, feedback",
        "RAISED, closure",
        "QUALIFIED, closure",
        "ASSIGNED, closure",
        "CLOSED, closure"
    })
    void everyIllegalTransitionIsAConflictNamingTheCurrentState(String state, String step) {
        String id = ALERT_IN.computeIfAbsent(state, this::stableAlertIn);
        String etag = etagOf(id);

        HttpResponse<String> response = post("/api/alerts/" + id + "/" + step, token("coord-bievre"), stepBody(step));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(problem(response)).isEqualTo("illegal-transition");
        assertThat(json(response).get("currentState").asString()).isEqualTo(state);
        assertThat(etagOf(id)).as("nothing changed").isEqualTo(etag);
    }

    @Test
    void anAlertWithoutLinksCannotCloseAsDuplicate() {
        // Another emitter: the usual test emitter, about the same commune, would be linked to its other alerts.
        String body = alertBody("bievre", "38130", freshPersonRef(), "PSYCHOTIC_SYMPTOMS")
                .replace(EMITTER_NAME, "Dr " + freshPersonRef());
        String id = raise(token("coord-bievre"), body).get("id").asString();
        assertThat(json(get("/api/alerts/" + id, token("coord-bievre"))).get("linkedAlerts"))
                .isEmpty();

        HttpResponse<String> response =
                post("/api/alerts/" + id + "/closure", token("coord-bievre"), "{\"outcome\":\"DUPLICATE\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(problem(response)).isEqualTo("no-linked-alert");
    }

    // ---- If-Match

    @Test
    void aStaleIfMatchIsRefusedAndTheCurrentOneGoesThrough() {
        String id = raiseStableAlert();
        String current = etagOf(id);
        step(id, "qualification", token("coord-bievre"), QUALIFY_AS_SUGGESTED_C);

        HttpResponse<String> stale =
                post("/api/alerts/" + id + "/assignment", token("coord-bievre"), "{}", Map.of("If-Match", current));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(problem(stale)).isEqualTo("stale-version");

        String fresh = etagOf(id);
        HttpResponse<String> accepted =
                post("/api/alerts/" + id + "/assignment", token("coord-bievre"), "{}", Map.of("If-Match", fresh));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(fresh);
    }

    @Test
    void anUnknownAlertIsNotFound() {
        HttpResponse<String> response = post(
                "/api/alerts/" + freshPersonRef() + "/qualification", token("coord-bievre"), QUALIFY_AS_SUGGESTED_C);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(problem(response)).isEqualTo("not-found");
    }

    private String etagOf(String id) {
        return get("/api/alerts/" + id, token("coord-bievre"))
                .headers()
                .firstValue("ETag")
                .orElseThrow();
    }
}
