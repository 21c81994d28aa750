package fr.maillage.evaluation.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/indicators/targets}: the territory's own targets over the defaults, set by its steering members. */
class TargetApiIntegrationTests extends IndicatorIntegrationSupport {

    private static final String FEEDBACK = "alerts.feedback-to-emitter";

    private static JsonNode target(JsonNode body, String indicatorId) {
        return StreamSupport.stream(body.get("targets").spliterator(), false)
                .filter(t -> t.get("indicatorId").asString().equals(indicatorId))
                .findFirst()
                .orElse(null);
    }

    private static String path(String territory, String indicatorId) {
        return "/api/indicators/targets/" + territory + "/" + indicatorId;
    }

    @Test
    void aSteeringMemberSetsTheTerritorysTargetTheFiguresUseItAndResettingGoesBackToTheDefault() {
        try {
            HttpResponse<String> set = put(
                    path("bievre", FEEDBACK), COPIL_BIEVRE, json(Map.of("comparison", "AT_LEAST", "threshold", 85)));

            assertThat(set.statusCode()).isEqualTo(200);
            assertThat(json(set).get("display").asString()).isEqualTo("≥ 85 %");
            JsonNode targets = json(get("/api/indicators/targets?territory=bievre", COORD_BIEVRE));
            assertThat(target(targets, FEEDBACK).get("threshold").asDouble()).isEqualTo(85.0);
            assertThat(target(targets, FEEDBACK).get("source").asString()).isEqualTo("TERRITORY");
            assertThat(
                            board
                                    .indicators("bievre", fr.maillage.evaluation.period.Period.parse("2019-05"))
                                    .values()
                                    .stream()
                                    .filter(v -> v.id().equals(FEEDBACK))
                                    .findFirst()
                                    .orElseThrow()
                                    .target())
                    .isEqualTo(new Target(FEEDBACK, Comparison.AT_LEAST, 85));
        } finally {
            HttpResponse<String> reset = delete(path("bievre", FEEDBACK), COPIL_BIEVRE);
            assertThat(reset.statusCode()).isEqualTo(204);
        }
        JsonNode targets = json(get("/api/indicators/targets?territory=bievre", COPIL_BIEVRE));
        assertThat(target(targets, FEEDBACK).get("threshold").asDouble()).isEqualTo(90.0);
        assertThat(target(targets, FEEDBACK).get("source").asString()).isEqualTo("DEFAULT");
        assertThat(target(targets, "workshops.disengagement-rate")
                        .get("comparison")
                        .asString())
                .isEqualTo("AT_MOST");
    }

    @Test
    void anAdminSetsAnyTerritorysTargetsEvenForAnIndicatorWithoutDefault() {
        String territory = freshTerritory();

        HttpResponse<String> set =
                put(path(territory, "alerts.escalated"), ADMIN, json(Map.of("comparison", "AT_MOST", "threshold", 3)));

        assertThat(set.statusCode()).isEqualTo(200);
        JsonNode targets = json(get("/api/indicators/targets?territory=" + territory, ADMIN));
        assertThat(target(targets, "alerts.escalated").get("display").asString())
                .isEqualTo("≤ 3");
        assertThat(board.territories()).contains(territory);
        assertThat(delete(path(territory, "alerts.escalated"), ADMIN).statusCode())
                .isEqualTo(204);
        assertThat(target(json(get("/api/indicators/targets?territory=" + territory, ADMIN)), "alerts.escalated"))
                .isNull();
    }

    @Test
    void onlyTheTerritorysSteeringMembersAndAdminsSetOrResetTargets() {
        String body = json(Map.of("comparison", "AT_LEAST", "threshold", 50));
        for (String forbidden : List.of(COORD_BIEVRE, COORD_LYON, "dr-martin", "partner-epsm")) {
            assertThat(put(path("bievre", FEEDBACK), forbidden, body).statusCode())
                    .as(forbidden)
                    .isEqualTo(403);
            assertThat(delete(path("bievre", FEEDBACK), forbidden).statusCode())
                    .as(forbidden)
                    .isEqualTo(403);
        }
        assertThat(put(path("lyon-nord", FEEDBACK), COPIL_BIEVRE, body).statusCode())
                .isEqualTo(404);
        assertThat(delete(path("lyon-nord", FEEDBACK), COPIL_BIEVRE).statusCode())
                .isEqualTo(404);
        assertThat(put(path("bievre", FEEDBACK), null, body).statusCode()).isEqualTo(401);
        assertThat(target(json(get("/api/indicators/targets?territory=bievre", ADMIN)), FEEDBACK)
                        .get("threshold")
                        .asDouble())
                .isEqualTo(90.0);
    }

    @Test
    void targetsAreReadByTheTerritorysFigureReadersOnly() {
        assertThat(get("/api/indicators/targets?territory=bievre", COPIL_BIEVRE).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/indicators/targets?territory=bievre", COORD_BIEVRE).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/indicators/targets?territory=bievre", COORD_LYON).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/indicators/targets?territory=bievre", "dr-martin").statusCode())
                .isEqualTo(403);
        assertThat(get("/api/indicators/targets?territory=bievre", null).statusCode())
                .isEqualTo(401);
        assertThat(get("/api/indicators/targets", COPIL_BIEVRE).statusCode()).isEqualTo(400);
    }

    @Test
    void aBadTargetIsRefusedAndNothingIsWritten() {
        String territory = freshTerritory();
        String fill = path(territory, "workshops.fill-rate");

        assertThat(put(
                                path(territory, "workshops.happiness"),
                                ADMIN,
                                json(Map.of("comparison", "AT_LEAST", "threshold", 5)))
                        .statusCode())
                .isEqualTo(404);
        assertThat(put(fill, ADMIN, json(Map.of("comparison", "AT_LEAST"))).statusCode())
                .isEqualTo(400);
        assertThat(put(fill, ADMIN, json(Map.of("threshold", 50))).statusCode()).isEqualTo(400);
        assertThat(put(fill, ADMIN, json(Map.of("comparison", "MORE_THAN", "threshold", 50)))
                        .statusCode())
                .isEqualTo(400);
        assertThat(put(fill, ADMIN, "{\"comparison\": \"AT_LEAST\", ").statusCode())
                .isEqualTo(400);
        assertThat(put(fill, ADMIN, null).statusCode()).isEqualTo(400);
        HttpResponse<String> tooHigh = put(fill, ADMIN, json(Map.of("comparison", "AT_LEAST", "threshold", 150)));
        assertThat(tooHigh.statusCode()).isEqualTo(422);
        assertThat(json(tooHigh).get("type").asString()).isEqualTo("urn:maillage:problem:invalid-target");
        assertThat(put(
                                path(territory, "alerts.escalated"),
                                ADMIN,
                                json(Map.of("comparison", "AT_MOST", "threshold", -1)))
                        .statusCode())
                .isEqualTo(422);
        assertThat(put(
                                path("Not_A_Territory", "workshops.fill-rate"),
                                ADMIN,
                                json(Map.of("comparison", "AT_LEAST", "threshold", 5)))
                        .statusCode())
                .isEqualTo(400);

        JsonNode targets = json(get("/api/indicators/targets?territory=" + territory, ADMIN));
        assertThat(target(targets, "workshops.fill-rate").get("source").asString())
                .isEqualTo("DEFAULT");
        assertThat(target(targets, "workshops.fill-rate").get("threshold").asDouble())
                .isEqualTo(75.0);
        assertThat(target(targets, "alerts.escalated")).isNull();
        assertThat(board.territories()).doesNotContain(territory);
    }
}
