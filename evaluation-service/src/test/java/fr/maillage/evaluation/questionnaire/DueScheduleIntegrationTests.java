package fr.maillage.evaluation.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.evaluation.EvaluationServiceApplication;
import fr.maillage.evaluation.period.Period;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.testing.EventPlayer;
import fr.maillage.platform.testing.MutableClock;
import fr.maillage.platform.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import tools.jackson.databind.JsonNode;

/**
 * Questionnaires fall due from workshop events played on the real broker, and each is announced once: at
 * once when its time has come, else (the three-month follow-up) by the watcher when the shared clock passes
 * it, even with two instances sweeping at once. The watcher's sweep is called directly (the scheduled one
 * may run too: announcing is once-only).
 */
class DueScheduleIntegrationTests extends QuestionnaireIntegrationSupport {

    @Autowired
    FollowUpDueWatcher watcher;

    @Autowired
    DueSchedule schedule;

    @Test
    void aConfirmedEnrolmentMakesTheWho5BaselineDueAnnouncedOnceHoweverOftenTheEventComes() {
        TopicReader events = readFromNow(EVALUATION_TOPIC);
        String groupId = newId();
        String enrolmentId = newId();
        String personRef = newId();
        groupScheduled(groupId, List.of(PSY_DURAND, IDE_BERNARD));
        Instant confirmedAt = clock.instant();
        OutboundEvent confirmed = EventPlayer.event(
                newId(),
                confirmedAt,
                WorkshopEventsListener.ENROLMENT_CONFIRMED,
                groupId,
                BIEVRE,
                WORKSHOP_AUDIENCE,
                enrolmentConfirmedData(groupId, enrolmentId, personRef, confirmedAt));

        replay(WORKSHOP_TOPIC, WORKSHOP_SOURCE, confirmed, 3);
        // The same enrolment told again by another event (another id): still the same due.
        awaitConsumed(QUESTIONNAIRES_GROUP, enrolmentConfirmed(groupId, enrolmentId, personRef, confirmedAt));

        String dueId = DueSchedule.dueId(enrolmentId, "who-5", Timepoint.BASELINE);
        List<JsonNode> announced = awaitPublished(events, dueId);
        assertThat(announced).hasSize(1);
        JsonNode event = announced.getFirst();
        assertThat(event.get("subject").asString()).isEqualTo(dueId);
        assertThat(event.get("source").asString()).isEqualTo("/maillage/evaluation");
        assertThat(event.get("territory").asString()).isEqualTo(BIEVRE);
        assertThat(event.get("audience").asString().split(" ")).containsExactlyInAnyOrder("lieu-dit", "msp-bievre");
        JsonNode data = event.get("data");
        assertThat(data.get("dueId").asString()).isEqualTo(dueId);
        assertThat(data.get("questionnaireId").asString()).isEqualTo("who-5");
        assertThat(data.get("timepoint").asString()).isEqualTo("BASELINE");
        assertThat(data.get("personRef").asString()).isEqualTo(personRef);
        assertThat(data.get("enrolmentId").asString()).isEqualTo(enrolmentId);
        assertThat(data.get("groupId").asString()).isEqualTo(groupId);
        assertThat(Instant.parse(data.get("dueAt").asString())).isEqualTo(confirmedAt);

        JsonNode due = dues(personRef, PSY).get(0);
        assertThat(dues(personRef, PSY)).hasSize(1);
        assertThat(due.get("dueId").asString()).isEqualTo(dueId);
        assertThat(due.get("status").asString()).isEqualTo("DUE");
        assertThat(due.get("announcedAt").isNull()).isFalse();
    }

    @Test
    void aCompletedParticipantMakesTheEndQuestionnairesDueAtOnceAndTheFollowUpWhenTheClockPassesThreeMonths()
            throws Exception {
        TopicReader events = readFromNow(EVALUATION_TOPIC);
        Instant completedAt = completedSoThatTheFollowUpIsJustAhead();
        Instant followUpAt = schedule.followUpAt(completedAt);
        String groupId = newId();
        String answeredEarly = newId();
        String waited = newId();
        Enrolments enrolments = enrolInNewGroupWithId(groupId, waited, answeredEarly);
        participantCompleted(groupId, enrolments.of(waited), waited, completedAt);
        awaitConsumed(
                QUESTIONNAIRES_GROUP,
                participantCompleted(groupId, enrolments.of(answeredEarly), answeredEarly, completedAt));

        // The END questionnaires are due at once and announced.
        for (String questionnaire : List.of("who-5", "workshop-satisfaction")) {
            String endId = DueSchedule.dueId(enrolments.of(waited), questionnaire, Timepoint.END);
            assertThat(awaitPublished(events, endId)).as(questionnaire).hasSize(1);
        }
        String followUpId = DueSchedule.dueId(enrolments.of(waited), "who-5", Timepoint.FOLLOW_UP_3M);
        JsonNode followUp = due(waited, followUpId, IDE);
        assertThat(Instant.parse(followUp.get("dueAt").asString())).isEqualTo(followUpAt);
        assertThat(followUp.get("status").asString()).isEqualTo("DUE");
        assertThat(followUp.get("announcedAt").isNull()).isTrue();
        // One person's follow-up is answered before its time, by its due id: it will never be announced.
        String earlyId = DueSchedule.dueId(enrolments.of(answeredEarly), "who-5", Timepoint.FOLLOW_UP_3M);
        recorded(PSY, body("questionnaireId", "who-5", "dueId", earlyId, "territory", BIEVRE, "answers", who5Raw(20)));
        assertThat(due(answeredEarly, earlyId, PSY).get("status").asString()).isEqualTo("ANSWERED");

        advanceTo(followUpAt.minusMillis(1));
        watcher.sweep();
        assertThat(published(events, followUpId))
                .as("a millisecond before its time")
                .isEmpty();

        MutableClock shared = clock;
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(EvaluationServiceApplication.class)
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean(
                                "sharedTestClock",
                                MutableClock.class,
                                () -> shared,
                                definition -> definition.setPrimary(true)))
                // Not a consumer of the other services' topics (that would only rebalance the other tests'),
                // and no sweep of its own: the test sweeps.
                .run(
                        "--server.port=0",
                        "--spring.kafka.listener.auto-startup=false",
                        "--maillage.evaluation.questionnaires.consumer-group=evaluation-questionnaires-second",
                        "--maillage.evaluation.questionnaires.due-sweep-interval=PT1H",
                        "--maillage.evaluation.indicators.consumer-group=evaluation-indicators-second",
                        "--maillage.evaluation.closing.sweep-interval=PT1H")) {
            FollowUpDueWatcher other = second.getBean(FollowUpDueWatcher.class);

            advanceTo(followUpAt);
            race(watcher, other);

            List<JsonNode> announced = awaitPublished(events, followUpId);
            assertThat(announced).hasSize(1);
            JsonNode data = announced.getFirst().get("data");
            assertThat(data.get("timepoint").asString()).isEqualTo("FOLLOW_UP_3M");
            assertThat(Instant.parse(data.get("dueAt").asString())).isEqualTo(followUpAt);
            assertThat(Instant.parse(
                            due(waited, followUpId, IDE).get("announcedAt").asString()))
                    .isEqualTo(followUpAt);
            assertThat(published(events, earlyId))
                    .as("answered before its time")
                    .isEmpty();
            assertThat(due(answeredEarly, earlyId, PSY).get("announcedAt").isNull())
                    .isTrue();
        }
    }

    @Test
    void aResponseRecordedBeforeTheEnrolmentIsHeardMakesItsDueAnsweredAndNeverAnnounced() {
        TopicReader events = readFromNow(EVALUATION_TOPIC);
        // dr-martin knows the person from a referral, and records the baseline before workshop-service tells us.
        String personRef = personReferredByMspBievre();
        String groupId = newId();
        String enrolmentId = newId();
        String responseId = recorded(MARTIN, who5Body(personRef, enrolmentId, Timepoint.BASELINE, 11))
                .get("responseId")
                .asString();

        groupScheduled(groupId, List.of(PSY_DURAND, IDE_BERNARD));
        awaitConsumed(QUESTIONNAIRES_GROUP, enrolmentConfirmed(groupId, enrolmentId, personRef, clock.instant()));

        String dueId = DueSchedule.dueId(enrolmentId, "who-5", Timepoint.BASELINE);
        JsonNode due = due(personRef, dueId, MARTIN);
        assertThat(due.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(due.get("responseId").asString()).isEqualTo(responseId);
        assertThat(published(events, dueId)).isEmpty();
    }

    /** A completion three months (and a few minutes at most two days) before a follow-up just ahead of the clock. */
    private Instant completedSoThatTheFollowUpIsJustAhead() {
        Instant now = clock.instant();
        ZonedDateTime completed =
                now.plus(Duration.ofMinutes(5)).atZone(Period.PARIS).minusMonths(3);
        // Three months before the 31st is the 28th, 29th or 30th, whose follow-up may fall before now.
        while (!schedule.followUpAt(completed.toInstant()).isAfter(now)) {
            completed = completed.plusDays(1);
        }
        return completed.toInstant();
    }

    private Enrolments enrolInNewGroupWithId(String groupId, String... personRefs) {
        groupScheduled(groupId, List.of(PSY_DURAND, IDE_BERNARD));
        Map<String, String> enrolments = new LinkedHashMap<>();
        for (String personRef : personRefs) {
            String enrolmentId = newId();
            enrolments.put(personRef, enrolmentId);
            enrolmentConfirmed(groupId, enrolmentId, personRef, clock.instant());
        }
        return new Enrolments(groupId, enrolments);
    }

    /** Both instances sweep three times each, from two threads released together. */
    private static void race(FollowUpDueWatcher one, FollowUpDueWatcher two) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> sweeps = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (FollowUpDueWatcher watcher : List.of(one, two)) {
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
