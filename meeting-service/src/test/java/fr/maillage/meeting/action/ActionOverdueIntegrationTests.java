package fr.maillage.meeting.action;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.meeting.MeetingServiceApplication;
import fr.maillage.platform.testing.MutableClock;
import fr.maillage.platform.testing.TopicReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Open actions become overdue as the shared clock passes the end of their due day in Paris: flagged and
 * published once, even with two instances sweeping at once. The watcher's sweep is called directly (the
 * scheduled one may run too: flagging is once-only).
 */
class ActionOverdueIntegrationTests extends ActionIntegrationSupport {

    @Autowired
    ActionOverdueWatcher watcher;

    @Test
    void anOpenActionIsOverdueOnceItsDueDayEndsInParisAndShowsInItsOwnersList() {
        TopicReader events = readFromNow(MEETING_TOPIC);
        LocalDate dueOn = today();
        String actionId = assign(DR_MARTIN, dueOn);
        Instant deadline = OverduePolicy.deadline(dueOn);

        advanceTo(deadline.minusMillis(1));
        watcher.sweep();
        assertThat(action(actionId, "dr-martin").get("overdue").asBoolean())
                .as("the last millisecond of its due day")
                .isFalse();
        assertThat(ids(allItems("owner=me&overdue=false", "dr-martin"))).contains(actionId);

        advanceTo(deadline);
        watcher.sweep();
        watcher.sweep();

        JsonNode overdue = action(actionId, "dr-martin");
        assertThat(overdue.get("overdue").asBoolean()).isTrue();
        assertThat(overdue.get("status").asString()).isEqualTo("OPEN");
        assertThat(Instant.parse(overdue.get("overdueAt").asString())).isEqualTo(clock.instant());
        List<JsonNode> published = awaitPublished(events, OVERDUE, actionId);
        assertThat(published).hasSize(1);
        JsonNode data = published.getFirst().get("data");
        assertThat(data.get("ownerId").asString()).isEqualTo(DR_MARTIN);
        assertThat(data.get("dueOn").asString()).isEqualTo(dueOn.toString());
        assertThat(Instant.parse(data.get("overdueAt").asString())).isEqualTo(clock.instant());
        assertThat(published.getFirst().get("audience").asString().split(" "))
                .containsExactlyInAnyOrder("msp-bievre", "lieu-dit");
        // In dr-martin's own list, flagged.
        List<JsonNode> mine = allItems("owner=me&status=OPEN&overdue=true", "dr-martin");
        assertThat(mine)
                .filteredOn(item -> item.get("id").asString().equals(actionId))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.get("overdue").asBoolean()).isTrue();
                    assertThat(item.get("ownerId").asString()).isEqualTo(DR_MARTIN);
                    assertThat(item.get("dueOn").asString()).isEqualTo(dueOn.toString());
                });
        assertThat(mine).allSatisfy(item -> {
            assertThat(item.get("overdue").asBoolean()).isTrue();
            assertThat(item.get("status").asString()).isEqualTo("OPEN");
            assertThat(item.get("ownerId").asString()).isEqualTo(DR_MARTIN);
        });
        assertThat(ids(allItems("owner=me&overdue=false", "dr-martin"))).doesNotContain(actionId);
    }

    @Test
    void anActionDoneOrCancelledBeforeItsDueDayEndsNeverBecomesOverdue() {
        TopicReader events = readFromNow(MEETING_TOPIC);
        LocalDate dueOn = today();
        String done = assign(DR_MARTIN, dueOn);
        String cancelled = assign(DR_MARTIN, dueOn);
        assertThat(post("/api/meetings/actions/" + done + "/completion", "dr-martin", null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("/api/meetings/actions/" + cancelled + "/cancellation", "coord-bievre", null)
                        .statusCode())
                .isEqualTo(200);

        advanceTo(OverduePolicy.deadline(dueOn).plusSeconds(60));
        watcher.sweep();

        assertThat(action(done, "dr-martin").get("overdue").asBoolean()).isFalse();
        assertThat(action(cancelled, "dr-martin").get("overdue").asBoolean()).isFalse();
        assertThat(published(events, OVERDUE, done)).isEmpty();
        assertThat(published(events, OVERDUE, cancelled)).isEmpty();
    }

    @Test
    void anActionRecordedAfterItsDueDayIsOverdueAtTheNextSweep() {
        TopicReader events = readFromNow(MEETING_TOPIC);
        String late = assign(IDE_BERNARD, today().minusDays(1));

        watcher.sweep();

        assertThat(action(late, "ide-bernard").get("overdue").asBoolean()).isTrue();
        assertThat(awaitPublished(events, OVERDUE, late)).hasSize(1);
    }

    @Test
    void twoInstancesSweepingAtOnceFlagEachActionOnce() throws Exception {
        MutableClock shared = clock;
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(MeetingServiceApplication.class)
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean(
                                "sharedTestClock",
                                MutableClock.class,
                                () -> shared,
                                definition -> definition.setPrimary(true)))
                // Not a second consumer of the other services' topics: that would only rebalance the other tests'.
                .run("--server.port=0", "--spring.kafka.listener.auto-startup=false")) {
            ActionOverdueWatcher other = second.getBean(ActionOverdueWatcher.class);
            TopicReader events = readFromNow(MEETING_TOPIC);
            LocalDate dueOn = today();
            List<String> actionIds = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                actionIds.add(assign(i % 2 == 0 ? DR_MARTIN : IDE_BERNARD, dueOn));
            }

            advanceTo(OverduePolicy.deadline(dueOn));
            race(watcher, other);

            for (String actionId : actionIds) {
                assertThat(action(actionId, "admin").get("overdue").asBoolean()).isTrue();
                assertThat(awaitPublished(events, OVERDUE, actionId))
                        .as("action-overdue of %s", actionId)
                        .hasSize(1);
            }
        }
    }

    /** Both instances sweep three times each, from two threads released together. */
    private static void race(ActionOverdueWatcher one, ActionOverdueWatcher two) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> sweeps = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (ActionOverdueWatcher watcher : List.of(one, two)) {
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
