package fr.maillage.evaluation.closing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.evaluation.EvaluationServiceApplication;
import fr.maillage.evaluation.indicator.IndicatorBoard;
import fr.maillage.evaluation.period.Period;
import fr.maillage.evaluation.report.FakeIndicatorBoard;
import fr.maillage.evaluation.report.ReportsIntegrationSupport;
import fr.maillage.evaluation.report.TestFigures;
import fr.maillage.platform.testing.EventSchemas;
import fr.maillage.platform.testing.MutableClock;
import fr.maillage.platform.testing.TopicReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * The review of the last closed quarter, its sweep called directly: each indicator that missed its target
 * is announced once ever, with its figure disclosed; met, at-risk, target-less and data-less indicators
 * never are; two instances sweeping at once announce each miss once.
 */
class ClosedPeriodWatcherIntegrationTests extends ReportsIntegrationSupport {

    private static final String INDICATOR_MISSED = ClosingMessages.INDICATOR_MISSED;

    @Autowired
    ClosedPeriodWatcher watcher;

    @Test
    void eachIndicatorThatMissedItsTargetInTheClosedQuarterIsAnnouncedOnce() {
        TopicReader events = readFromNow(EVALUATION_TOPIC);
        String territory = freshTerritory("closing");
        board.declare(territory);
        Period closed = currentQuarter().previous();

        watcher.sweep();
        watcher.sweep();

        Map<String, JsonNode> data = new HashMap<>();
        for (String indicator : TestFigures.MISSED_WHEN_CLOSED) {
            String key = territory + ":" + closed.code() + ":" + indicator;
            List<JsonNode> published = publishedEvents(events, "indicatorMisses", INDICATOR_MISSED, key);
            assertThat(published).as(key).hasSize(1);
            JsonNode event = published.getFirst();
            EventSchemas.assertValid(INDICATOR_MISSED, event.get("data").toString());
            assertThat(event.get("source").asString()).isEqualTo("/maillage/evaluation");
            assertThat(event.path("audience").asString("")).isEmpty();
            assertThat(event.path("territory").asString()).isEqualTo(territory);
            data.put(indicator, event.get("data"));
        }
        assertThat(missesAnnounced(events, territory))
                .as("met, target-less and data-less indicators are no misses")
                .containsExactlyInAnyOrderElementsOf(TestFigures.MISSED_WHEN_CLOSED);
        assertThat(board.calls(territory, currentQuarter()))
                .as("the open quarter is not reviewed")
                .isZero();

        JsonNode fill = data.get("workshops.fill-rate");
        assertThat(fill.get("territory").asString()).isEqualTo(territory);
        assertThat(fill.get("period").asString()).isEqualTo(closed.code());
        assertThat(fill.get("indicatorId").asString()).isEqualTo("workshops.fill-rate");
        assertThat(fill.get("value").asDouble()).isEqualTo(71.43);
        assertThat(fill.get("display").asString()).isEqualTo("71.4 %");
        assertThat(fill.get("n").asString()).isEqualTo("7");
        assertThat(fill.get("comparison").asString()).isEqualTo("AT_LEAST");
        assertThat(fill.get("threshold").asDouble()).isEqualTo(75.0);
        assertThat(fill.get("closedAt").asString()).isEqualTo(closed.end().toString());
        JsonNode disengagement = data.get("workshops.disengagement-rate");
        assertThat(disengagement.get("comparison").asString()).isEqualTo("AT_MOST");
        assertThat(disengagement.get("threshold").asDouble()).isEqualTo(20.0);
        // Missed on 3 cases: the miss is told, the figure withheld.
        JsonNode responded = data.get("alerts.responded-within-target");
        assertThat(responded.get("value").isNull()).isTrue();
        assertThat(responded.get("display").asString()).isEqualTo("< 5");
        assertThat(responded.get("n").asString()).isEqualTo("< 5");
        assertThat(responded.toString()).doesNotContain("66.6", "66.7");
    }

    @Test
    void twoInstancesSweepingAtOnceAnnounceEachMissOnce() throws Exception {
        MutableClock shared = clock;
        FakeIndicatorBoard sharedBoard = board;
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(EvaluationServiceApplication.class)
                .initializers(context -> {
                    GenericApplicationContext generic = (GenericApplicationContext) context;
                    generic.registerBean("sharedTestClock", MutableClock.class, () -> shared, d -> d.setPrimary(true));
                    generic.registerBean(
                            "sharedTestBoard", IndicatorBoard.class, () -> sharedBoard, d -> d.setPrimary(true));
                })
                // Not a consumer of any topic (the other tests' groups stay as they are); the review only when called.
                .run(
                        "--server.port=0",
                        "--spring.kafka.listener.auto-startup=false",
                        "--maillage.evaluation.closing.sweep-interval=PT100H",
                        "--maillage.evaluation.closing.initial-delay=PT100H",
                        "--maillage.evaluation.closing.grace-period=PT0S")) {
            ClosedPeriodWatcher other = second.getBean(ClosedPeriodWatcher.class);
            TopicReader events = readFromNow(EVALUATION_TOPIC);
            List<String> territories = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String territory = freshTerritory("race");
                board.declare(territory);
                territories.add(territory);
            }
            Period closed = currentQuarter().previous();

            race(watcher, other);

            for (String territory : territories) {
                for (String indicator : TestFigures.MISSED_WHEN_CLOSED) {
                    String key = territory + ":" + closed.code() + ":" + indicator;
                    assertThat(publishedEvents(events, "indicatorMisses", INDICATOR_MISSED, key))
                            .as(key)
                            .hasSize(1);
                }
                assertThat(missesAnnounced(events, territory))
                        .containsExactlyInAnyOrderElementsOf(TestFigures.MISSED_WHEN_CLOSED);
                assertThat(mongo.count(new Query(Criteria.where("territory").is(territory)), IndicatorMiss.class))
                        .isEqualTo(TestFigures.MISSED_WHEN_CLOSED.size());
            }
        }
    }

    /** The indicators of the distinct indicator-missed events read for the territory. */
    private static List<String> missesAnnounced(TopicReader events, String territory) {
        events.readToEnd();
        return TopicReader.distinct(events.events(TopicReader.ofType(INDICATOR_MISSED)
                        .and(event -> event.path("subject").asString().startsWith(territory + ":"))))
                .stream()
                .map(event -> event.get("data").get("indicatorId").asString())
                .toList();
    }

    /** Both instances sweep three times each, from two threads released together. */
    private static void race(ClosedPeriodWatcher one, ClosedPeriodWatcher two) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> sweeps = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (ClosedPeriodWatcher watcher : List.of(one, two)) {
                sweeps.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 3; i++) {
                        watcher.sweep();
                    }
                    return null;
                }));
            }
            start.countDown();
        }
        for (Future<?> sweep : sweeps) {
            sweep.get();
        }
    }
}
