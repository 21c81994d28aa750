package fr.maillage.evaluation.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.evaluation.indicator.TestEvents.TestEvent;
import fr.maillage.evaluation.period.Period;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/indicators/rebuild}: the facts recomputed from the start of the topics are the same. */
class IndicatorRebuildIntegrationTests extends IndicatorIntegrationSupport {

    private static final String REBUILD = "/api/indicators/rebuild";

    @Autowired
    RebuildStore rebuilds;

    /** Waits for the rebuild to end, checking {@code meanwhile} at each look. */
    private JsonNode awaitRebuildDone(String rebuildId, Runnable meanwhile) {
        JsonNode[] latest = new JsonNode[1];
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    meanwhile.run();
                    latest[0] = json(get(REBUILD, ADMIN));
                    return latest[0].get("rebuildId").asString().equals(rebuildId)
                            && !latest[0].get("status").asString().equals("RUNNING");
                });
        return latest[0];
    }

    @Test
    void aRebuildGivesBackTheIndicatorsOfTheIncrementalProjectionWithoutGapsAndLosesNoEventArrivingMeanwhile() {
        Period quarter = Period.parse("2025-Q3");
        Period month = quarter.months().get(1);
        String first = freshTerritory();
        String second = freshTerritory();
        String meanwhile = freshTerritory();
        List<TestEvent> firstEvents = IndicatorScenario.quarter(new TestEvents(first), quarter);
        List<TestEvent> secondEvents = new ArrayList<>(IndicatorScenario.quarter(new TestEvents(second), quarter));
        secondEvents.addAll(secondEvents.subList(0, 20));
        Collections.shuffle(secondEvents, new Random(3));
        project(firstEvents);
        project(secondEvents);
        List<TerritoryIndicators> before = List.of(
                board.indicators(first, quarter), board.indicators(first, month), board.indicators(second, quarter));

        HttpResponse<String> started = postEmpty(REBUILD, ADMIN);
        List<TestEvent> meanwhileEvents = IndicatorScenario.quarter(new TestEvents(meanwhile), quarter);
        Collection<RecordMetadata> played = playAll(meanwhileEvents);

        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode run = json(started);
        assertThat(run.get("status").asString()).isEqualTo("RUNNING");
        assertThat(run.get("startedAt").asString()).isNotBlank();
        // while it runs, readers keep seeing the whole figures, never half-built ones
        JsonNode done = awaitRebuildDone(
                run.get("rebuildId").asString(),
                () -> assertThat(board.indicators(first, quarter).values())
                        .isEqualTo(before.getFirst().values()));
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("finishedAt").asString()).isNotBlank();
        assertThat(done.get("events").asLong()).isGreaterThanOrEqualTo(firstEvents.size() + secondEvents.size());
        awaitProjected(played);

        List<TerritoryIndicators> after = List.of(
                board.indicators(first, quarter), board.indicators(first, month), board.indicators(second, quarter));
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).values())
                    .as("%s %s", before.get(i).territory(), before.get(i).period())
                    .isEqualTo(before.get(i).values());
        }
        assertThat(after.getFirst().values().getFirst().value()).isEqualTo(IndicatorScenario.REFERRALS);
        TerritoryIndicators arrivedMeanwhile = board.indicators(meanwhile, quarter);
        assertThat(figures(arrivedMeanwhile))
                .isEqualTo(expected(meanwhileEvents, meanwhile, quarter, arrivedMeanwhile.computedAt()));
        assertThat(board.territories()).contains(first, second, meanwhile);
    }

    @Test
    void aRebuildWhileAnotherRunsIsRefused() {
        String other = "held-by-another-instance";
        assertThat(rebuilds.lock(other, clock.instant(), Duration.ofMinutes(2))).isPresent();
        try {
            HttpResponse<String> refused = postEmpty(REBUILD, ADMIN);

            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(json(refused).get("type").asString()).isEqualTo("urn:maillage:problem:rebuild-running");
        } finally {
            rebuilds.unlock(other);
        }
    }

    @Test
    void onlyAdminsRebuildOrSeeRebuilds() {
        for (String forbidden : List.of(COPIL_BIEVRE, COORD_BIEVRE, "dr-martin", "partner-epsm")) {
            assertThat(postEmpty(REBUILD, forbidden).statusCode()).as(forbidden).isEqualTo(403);
            assertThat(get(REBUILD, forbidden).statusCode()).as(forbidden).isEqualTo(403);
        }
        assertThat(postEmpty(REBUILD, null).statusCode()).isEqualTo(401);
        assertThat(get(REBUILD, null).statusCode()).isEqualTo(401);
    }
}
