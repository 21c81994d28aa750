package fr.maillage.meeting.action;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.localstack.oidc.DemoUsers;
import fr.maillage.platform.testing.TopicReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Owners list and complete their actions, coordinators of the territory see and cancel them, others see nothing. */
class ActionApiIntegrationTests extends ActionIntegrationSupport {

    private static final String COORD_BIEVRE = DemoUsers.COORD_BIEVRE_ID.toString();

    private static String completion(String actionId) {
        return "/api/meetings/actions/" + actionId + "/completion";
    }

    private static String cancellation(String actionId) {
        return "/api/meetings/actions/" + actionId + "/cancellation";
    }

    @Test
    void theActionsListIsReachedAtItsLiteralPathBesideTheMeetings() {
        String actionId = assign(DR_MARTIN, today().plusDays(2));

        HttpResponse<String> list = get("/api/meetings/actions", "dr-martin");

        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(json(list).has("items")).isTrue();
        assertThat(json(list).get("size").asInt()).isEqualTo(20);
        assertThat(ids(allItems("owner=me", "dr-martin"))).contains(actionId);
    }

    @Test
    void theOwnerCompletesOnTimeAndActionCompletedSaysSo() {
        TopicReader events = readFromNow(MEETING_TOPIC);
        LocalDate dueOn = today().plusDays(1);
        String actionId = assign(DR_MARTIN, dueOn);
        advanceTo(OverduePolicy.deadline(dueOn).minusSeconds(1));

        HttpResponse<String> done = post(completion(actionId), "dr-martin", null);

        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.headers().firstValue("ETag")).isPresent();
        JsonNode action = json(done);
        assertThat(action.get("status").asString()).isEqualTo("DONE");
        assertThat(action.get("onTime").asBoolean()).isTrue();
        assertThat(action.get("closedBy").asString()).isEqualTo(DR_MARTIN);
        assertThat(Instant.parse(action.get("completedAt").asString())).isEqualTo(clock.instant());
        List<JsonNode> completed = awaitPublished(events, COMPLETED, actionId);
        assertThat(completed).hasSize(1);
        JsonNode data = completed.getFirst().get("data");
        assertThat(data.get("onTime").asBoolean()).isTrue();
        assertThat(data.get("ownerId").asString()).isEqualTo(DR_MARTIN);
        assertThat(data.get("dueOn").asString()).isEqualTo(dueOn.toString());
        assertThat(Instant.parse(data.get("completedAt").asString())).isEqualTo(clock.instant());
        // Done is final.
        HttpResponse<String> again = post(completion(actionId), "dr-martin", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("type").asString()).isEqualTo("urn:maillage:problem:illegal-transition");
        assertThat(json(again).get("currentState").asString()).isEqualTo("DONE");
        assertThat(post(cancellation(actionId), "coord-bievre", null).statusCode())
                .isEqualTo(409);
        assertThat(published(events, COMPLETED, actionId)).hasSize(1);
    }

    @Test
    void anActionCompletedAfterItsDueDayIsNotOnTimeWhoeverCompletesIt() {
        TopicReader events = readFromNow(MEETING_TOPIC);
        LocalDate dueOn = today();
        String actionId = assign(DR_MARTIN, dueOn);
        advanceTo(OverduePolicy.deadline(dueOn));

        HttpResponse<String> done = post(completion(actionId), "coord-bievre", null);

        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(json(done).get("onTime").asBoolean()).isFalse();
        assertThat(json(done).get("closedBy").asString()).isEqualTo(COORD_BIEVRE);
        assertThat(awaitPublished(events, COMPLETED, actionId)
                        .getFirst()
                        .get("data")
                        .get("onTime")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void anotherClinicianCannotReadCompleteOrListSomeoneElsesAction() {
        String actionId = assign(DR_MARTIN, today().plusDays(5));

        for (String stranger : List.of("psy-durand", "ide-bernard", "copil-bievre", "coord-lyon")) {
            HttpResponse<String> read = get("/api/meetings/actions/" + actionId, stranger);
            assertThat(read.statusCode()).as(stranger).isEqualTo(404);
            assertThat(read.body()).doesNotContain(TITLE);
            assertThat(post(completion(actionId), stranger, null).statusCode())
                    .as(stranger)
                    .isEqualTo(404);
            assertThat(ids(allItems("owner=" + DR_MARTIN, stranger)))
                    .as(stranger)
                    .doesNotContain(actionId);
        }
        assertThat(post(cancellation(actionId), "psy-durand", null).statusCode())
                .isEqualTo(404);
        assertThat(action(actionId, "dr-martin").get("status").asString()).isEqualTo("OPEN");
        // Partners see no action at all.
        assertThat(get("/api/meetings/actions/" + actionId, "partner-epsm").statusCode())
                .isEqualTo(403);
        assertThat(get("/api/meetings/actions", "partner-epsm").statusCode()).isEqualTo(403);
        assertThat(get("/api/meetings/actions/" + actionId, null).statusCode()).isEqualTo(401);
    }

    @Test
    void coordinatorsOfTheTerritorySeeAnOwnersActionsAndCancelThemTheOwnerCannot() {
        TopicReader events = readFromNow(MEETING_TOPIC);
        String actionId = assign(DR_MARTIN, today().plusDays(5));

        assertThat(action(actionId, "coord-bievre").get("title").asString()).isEqualTo(TITLE);
        assertThat(action(actionId, "admin").get("status").asString()).isEqualTo("OPEN");
        assertThat(ids(allItems("owner=" + DR_MARTIN, "coord-bievre"))).contains(actionId);
        assertThat(ids(allItems("owner=" + DR_MARTIN, "admin"))).contains(actionId);
        HttpResponse<String> byOwner = post(cancellation(actionId), "dr-martin", null);
        assertThat(byOwner.statusCode()).isEqualTo(403);
        assertThat(json(byOwner).get("type").asString()).isEqualTo("urn:maillage:problem:forbidden");
        assertThat(post(cancellation(actionId), "coord-lyon", null).statusCode())
                .isEqualTo(404);

        HttpResponse<String> cancelled = post(cancellation(actionId), "coord-bievre", null);

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(json(cancelled).get("closedBy").asString()).isEqualTo(COORD_BIEVRE);
        assertThat(json(cancelled).path("onTime").isNull()).isTrue();
        HttpResponse<String> late = post(completion(actionId), "dr-martin", null);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(json(late).get("currentState").asString()).isEqualTo("CANCELLED");
        assertThat(ids(allItems("owner=me&status=CANCELLED", "dr-martin"))).contains(actionId);
        assertThat(ids(allItems("owner=me&status=OPEN", "dr-martin"))).doesNotContain(actionId);
        assertThat(published(events, COMPLETED, actionId)).isEmpty();
        assertThat(published(events, ASSIGNED, actionId)).hasSize(1);
    }

    @Test
    void anOwnersListIsSortedByDueDayFilteredByStatusAndPaged() {
        String owner = UUID.randomUUID().toString();
        LocalDate today = today();
        String later = assign(owner, today.plusDays(9));
        String sooner = assign(owner, today.plusDays(1));
        String middle = assign(owner, today.plusDays(4));
        assertThat(post(cancellation(middle), "coord-bievre", null).statusCode())
                .isEqualTo(200);
        String query = "/api/meetings/actions?owner=" + owner;

        JsonNode all = json(get(query, "admin"));
        JsonNode firstPage = json(get(query + "&size=2", "coord-bievre"));
        JsonNode secondPage = json(get(query + "&size=2&page=1", "coord-bievre"));
        JsonNode open = json(get(query + "&status=OPEN", "coord-bievre"));

        assertThat(all.get("totalItems").asLong()).isEqualTo(3);
        assertThat(all.get("items"))
                .extracting(item -> item.get("id").asString())
                .containsExactly(sooner, middle, later);
        assertThat(firstPage.get("totalItems").asLong()).isEqualTo(3);
        assertThat(firstPage.get("items"))
                .extracting(item -> item.get("id").asString())
                .containsExactly(sooner, middle);
        assertThat(secondPage.get("items"))
                .extracting(item -> item.get("id").asString())
                .containsExactly(later);
        assertThat(open.get("items"))
                .extracting(item -> item.get("id").asString())
                .containsExactly(sooner, later);
        // Someone who is neither that owner nor a coordinator gets an empty page, not their actions.
        JsonNode stranger = json(get(query, "dr-martin"));
        assertThat(stranger.get("items")).isEmpty();
        assertThat(stranger.get("totalItems").asLong()).isZero();
    }

    @Test
    void badInputIsAnsweredWithProblems() {
        String base = "/api/meetings/actions";
        for (String query : List.of(
                "?status=LATE",
                "?overdue=maybe",
                "?size=0",
                "?size=101",
                "?page=-1",
                "?owner=" + "x".repeat(Action.MAX_ID_LENGTH + 1))) {
            HttpResponse<String> response = get(base + query, "dr-martin");
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(query)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(response).get("type").asString()).as(query).startsWith("urn:maillage:problem:");
        }
        HttpResponse<String> unknown = get(base + "/" + UUID.randomUUID(), "coord-bievre");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("type").asString()).isEqualTo("urn:maillage:problem:not-found");
        assertThat(post(completion(UUID.randomUUID().toString()), "dr-martin", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(post(cancellation(UUID.randomUUID().toString()), "coord-bievre", null)
                        .statusCode())
                .isEqualTo(404);
    }
}
