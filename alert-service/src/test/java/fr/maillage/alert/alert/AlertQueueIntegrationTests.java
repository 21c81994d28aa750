package fr.maillage.alert.alert;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.alert.AlertIntegrationSupport;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The triage queue (status, territory, sort, paging) and possible duplicates. Each test works in
 * territories of its own (unknown to routing: default targets, no team), so its queue is its own.
 */
class AlertQueueIntegrationTests extends AlertIntegrationSupport {

    private final String territory = freshTerritory();
    private final String coordinator = coordinatorOf(territory);

    private String raiseIn(String territory, String token, String... risks) {
        String body =
                alertBody(territory, null, freshPersonRef(), risks).replace(EMITTER_NAME, "Dr " + freshPersonRef());
        return raise(token, body).get("id").asString();
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(json(response).get("items").spliterator(), false)
                .map(item -> item.get("id").asString())
                .toList();
    }

    @Test
    void theQueueIsInDueOrderByDefaultOrLatestRaisedFirst() {
        String advice = raiseIn(territory, coordinator); // G: 2 working days
        String danger = raiseIn(territory, coordinator, "SUICIDE_PLAN_OR_ATTEMPT", "INTOXICATION"); // A: 15 min
        String acute = raiseIn(territory, coordinator, "PSYCHOTIC_SYMPTOMS"); // C: 24 h

        assertThat(ids(get("/api/alerts?territory=" + territory, coordinator))).containsExactly(danger, acute, advice);
        assertThat(ids(get("/api/alerts?territory=" + territory + "&sort=dueBy", coordinator)))
                .containsExactly(danger, acute, advice);
        assertThat(ids(get("/api/alerts?territory=" + territory + "&sort=raisedAt", coordinator)))
                .containsExactly(acute, danger, advice);
        JsonNode first = json(get("/api/alerts?territory=" + territory, coordinator))
                .get("items")
                .get(0);
        assertThat(first.get("suggestedUrgency").asString()).isEqualTo("A");
        assertThat(first.get("timeRemaining").asString()).startsWith("PT1");
        assertThat(first.get("overdue").asBoolean()).isFalse();
    }

    @Test
    void theQueueIsPaged() {
        String first = raiseIn(territory, coordinator, "SUICIDE_PLAN_OR_ATTEMPT", "INTOXICATION");
        String second = raiseIn(territory, coordinator, "PSYCHOTIC_SYMPTOMS");
        String third = raiseIn(territory, coordinator);

        JsonNode page0 = json(get("/api/alerts?territory=" + territory + "&size=2&page=0", coordinator));
        assertThat(page0.get("page").asInt()).isZero();
        assertThat(page0.get("size").asInt()).isEqualTo(2);
        assertThat(page0.get("totalItems").asLong()).isEqualTo(3);
        assertThat(ids(get("/api/alerts?territory=" + territory + "&size=2&page=0", coordinator)))
                .containsExactly(first, second);
        assertThat(ids(get("/api/alerts?territory=" + territory + "&size=2&page=1", coordinator)))
                .containsExactly(third);
        assertThat(ids(get("/api/alerts?territory=" + territory + "&size=2&page=2", coordinator)))
                .isEmpty();
    }

    @Test
    void openMeansEverythingButClosedAndAStatusFilters() {
        String open = raiseIn(territory, coordinator, "PSYCHOTIC_SYMPTOMS");
        String closed = raiseIn(territory, coordinator, "PSYCHOTIC_SYMPTOMS");
        step(closed, "qualification", coordinator, QUALIFY_AS_SUGGESTED_C);
        step(closed, "response", coordinator, RESPONSE);
        step(closed, "feedback", coordinator, FEEDBACK);
        step(closed, "closure", coordinator, CLOSURE);

        assertThat(ids(get("/api/alerts?territory=" + territory, coordinator))).containsExactly(open);
        assertThat(ids(get("/api/alerts?territory=" + territory + "&status=OPEN", coordinator)))
                .containsExactly(open);
        assertThat(ids(get("/api/alerts?territory=" + territory + "&status=CLOSED", coordinator)))
                .containsExactly(closed);
        assertThat(ids(get("/api/alerts?territory=" + territory + "&status=RAISED", coordinator)))
                .containsExactly(open);
    }

    @Test
    void withoutATerritoryTheQueueHoldsEveryTerritoryTheCallerCoversAndNoOther() {
        String other = freshTerritory();
        String both = coordinatorOf(territory, other);
        String here = raiseIn(territory, both, "PSYCHOTIC_SYMPTOMS");
        String there = raiseIn(other, both, "PSYCHOTIC_SYMPTOMS");
        String third = freshTerritory();
        String elsewhere = raiseIn(third, coordinatorOf(third), "PSYCHOTIC_SYMPTOMS");

        assertThat(ids(get("/api/alerts?size=100", both))).contains(here, there).doesNotContain(elsewhere);
        assertThat(ids(get("/api/alerts?size=100", coordinator))).contains(here).doesNotContain(there, elsewhere);
        HttpResponse<String> notCovered = get("/api/alerts?territory=" + other, coordinator);
        assertThat(notCovered.statusCode()).isEqualTo(403);
        assertThat(problem(notCovered)).isEqualTo("territory-not-covered");
        assertThat(get("/api/alerts/" + there, coordinator).statusCode()).isEqualTo(404);
    }

    @Test
    void aWrongStatusSortOrPageSizeIsAProblem() {
        HttpResponse<String> status = get("/api/alerts?status=PENDING", coordinator);
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(problem(status)).isEqualTo("invalid-parameter");
        assertThat(json(status).get("parameter").asString()).isEqualTo("status");
        assertThat(json(status).get("acceptedValues").toString()).contains("OPEN", "RAISED", "CLOSED");

        HttpResponse<String> sort = get("/api/alerts?sort=urgency", coordinator);
        assertThat(sort.statusCode()).isEqualTo(400);
        assertThat(json(sort).get("acceptedValues").toString()).contains("dueBy", "raisedAt");

        assertThat(get("/api/alerts?size=0", coordinator).statusCode()).isEqualTo(400);
        assertThat(get("/api/alerts?size=101", coordinator).statusCode()).isEqualTo(400);
        assertThat(get("/api/alerts?page=-1", coordinator).statusCode()).isEqualTo(400);
        assertThat(get("/api/alerts?page=x", coordinator).statusCode()).isEqualTo(400);
    }

    // ---- possible duplicates

    @Test
    void alertsAboutTheSamePersonAreLinkedBothWays() {
        String personRef = freshPersonRef();
        String first = raise(coordinator, alertBody(territory, null, personRef, "ISOLATION"))
                .get("id")
                .asString();
        JsonNode second = raise(coordinator, alertBody(territory, "38130", personRef, "NO_SUPPORT"));
        String secondId = second.get("id").asString();

        assertThat(second.get("linkedAlerts").toString()).contains(first);
        assertThat(json(get("/api/alerts/" + first, coordinator))
                        .get("linkedAlerts")
                        .toString())
                .contains(secondId);
        assertThat(ids(get("/api/alerts?territory=" + territory, coordinator))).contains(first, secondId);
        JsonNode inQueue = StreamSupport.stream(
                        json(get("/api/alerts?territory=" + territory, coordinator))
                                .get("items")
                                .spliterator(),
                        false)
                .filter(item -> item.get("id").asString().equals(first))
                .findFirst()
                .orElseThrow();
        assertThat(inQueue.get("linkedAlerts").toString())
                .as("both ways in the queue too")
                .contains(secondId);

        TopicReader events = read(ALERT_TOPIC);
        JsonNode raised = events.awaitEventOf(secondId, ofType("fr.maillage.alert.raised.v1"))
                .getFirst();
        assertThat(raised.path("data").get("possibleDuplicate").asBoolean()).isTrue();

        // Either of the two may be closed as a duplicate, from any open status.
        JsonNode closed = step(first, "closure", coordinator, "{\"outcome\":\"DUPLICATE\"}");
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void theSameEmitterAboutTheSameCommuneIsLinkedNotRefused() {
        String emitter = "Dr " + freshPersonRef();
        String first = raise(
                        coordinator,
                        alertBody(territory, "38130", null, "ISOLATION").replace(EMITTER_NAME, emitter))
                .get("id")
                .asString();
        // The same emitter written differently (case, accents, spaces), same commune.
        JsonNode again = raise(
                coordinator,
                alertBody(territory, "38130", null, "ISOLATION").replace(EMITTER_NAME, emitter.toUpperCase() + " "));
        JsonNode elsewhere = raise(
                coordinator, alertBody(territory, "38140", null, "ISOLATION").replace(EMITTER_NAME, emitter));

        assertThat(again.get("linkedAlerts").toString()).contains(first);
        assertThat(elsewhere.get("linkedAlerts")).isEmpty();
        assertThat(json(get("/api/alerts/" + first, coordinator))
                        .get("linkedAlerts")
                        .toString())
                .contains(again.get("id").asString())
                .doesNotContain(elsewhere.get("id").asString());
    }
}
