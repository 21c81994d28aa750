package fr.maillage.workshop.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.platform.testing.EventSchemas;
import fr.maillage.platform.testing.MutableClock;
import fr.maillage.workshop.WorkshopIntegrationSupport;
import fr.maillage.workshop.WorkshopServiceApplication;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A group's life as the shared clock reaches its first session and passes its last: cancelled for want
 * of participants, or running then completed; each step once, even with two instances sweeping at once.
 * The watcher's sweep is called directly (the scheduled one may run too: the steps are once-only).
 */
class GroupLifecycleIntegrationTests extends WorkshopIntegrationSupport {

    private static final String CANCELLED = "fr.maillage.workshop.group-cancelled.v1";
    private static final String COMPLETED = "fr.maillage.workshop.group-completed.v1";
    private static final String PARTICIPANT_COMPLETED = "fr.maillage.workshop.participant-completed.v1";

    @Autowired
    GroupLifecycleWatcher watcher;

    @Autowired
    MongoTemplate mongo;

    /** Schedules a group of the demo pair, default settings (8 sessions, minimum 4), with this capacity. */
    private JsonNode groupOf(String programmeId, int capacity) {
        HttpResponse<String> response = post("/api/workshops/groups", "coord-bievre", groupBody(programmeId, capacity));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private String enrol(String groupId, String referralId, String referrerInstitution) {
        String referral = referralId == null
                ? ""
                : ",\"referralId\":\"%s\",\"referrerInstitution\":\"%s\"".formatted(referralId, referrerInstitution);
        HttpResponse<String> response =
                post("/api/workshops/groups/" + groupId + "/enrolments", "coord-bievre", """
                {"personRef":"%s","priority":"ROUTINE"%s}""".formatted(
                                UUID.randomUUID(), referral));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("enrolmentId").asString();
    }

    private String status(String groupId) {
        return groupAsAdmin(groupId).get("status").asString();
    }

    private void sweepUntil(String groupId, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            watcher.sweep();
            return status(groupId).equals(status);
        });
    }

    private static Instant instant(JsonNode group, String field) {
        return Instant.parse(group.get(field).asString());
    }

    private boolean outboxIsEmpty(String groupId) {
        org.bson.Document group = mongo.findById(groupId, org.bson.Document.class, "groups");
        return group != null
                && group.getList("pendingEvents", Object.class, List.of()).isEmpty();
    }

    /** The distinct events (by CloudEvent id) of this type published for the group, once its outbox is empty. */
    private List<JsonNode> published(TopicReader events, String type, String groupId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxIsEmpty(groupId));
        List<JsonNode> matching = events.awaitEvents(1, event(type, "groupId", groupId));
        return matching.stream()
                .collect(java.util.stream.Collectors.toMap(
                        event -> event.get("id").asString(), event -> event, (first, again) -> first))
                .values()
                .stream()
                .toList();
    }

    @Test
    void aGroupWithTooFewConfirmedAtItsFirstSessionIsCancelledAndEveryoneIsTold() {
        String programmeId = registerProgramme();
        JsonNode group = groupOf(programmeId, 10);
        String groupId = group.get("id").asString();
        assertThat(group.get("minParticipants").asInt()).isEqualTo(4);
        String referralId = "referral-" + UUID.randomUUID();
        String referred = enrol(groupId, referralId, "epsm-bievre");
        String direct = enrol(groupId, null, null);
        advanceTo(instant(group, "startsAt").minusSeconds(60));
        watcher.sweep();
        assertThat(status(groupId)).as("not yet").isEqualTo("OPEN");

        advanceTo(instant(group, "startsAt"));
        sweepUntil(groupId, "CANCELLED");

        JsonNode cancelledGroup = groupAsAdmin(groupId);
        assertThat(cancelledGroup.get("cancellationReason").asString()).isEqualTo("minimum-not-reached");
        assertThat(instant(cancelledGroup, "closedAt")).isEqualTo(instant(group, "startsAt"));
        TopicReader events = read(WORKSHOP_TOPIC);
        JsonNode cancelled = published(events, CANCELLED, groupId).getFirst();
        EventSchemas.assertValid(CANCELLED, JSON.writeValueAsString(cancelled.get("data")));
        assertThat(cancelled.get("subject").asString()).isEqualTo(groupId);
        assertThat(cancelled.get("audience").asString().split(" "))
                .containsExactlyInAnyOrder("lieu-dit", "epsm-bievre");
        JsonNode data = cancelled.get("data");
        assertThat(data.get("reason").asString()).isEqualTo("minimum-not-reached");
        assertThat(data.get("confirmedCount").asInt()).isEqualTo(2);
        assertThat(data.get("minParticipants").asInt()).isEqualTo(4);
        assertThat(data.get("participants"))
                .extracting(participant -> participant.get("enrolmentId").asString())
                .containsExactlyInAnyOrder(referred, direct);
        assertThat(data.get("participants"))
                .filteredOn(
                        participant -> participant.get("enrolmentId").asString().equals(referred))
                .singleElement()
                .satisfies(participant ->
                        assertThat(participant.get("referralId").asString()).isEqualTo(referralId));
        HttpResponse<String> late = post(
                "/api/workshops/groups/" + groupId + "/enrolments", "coord-bievre", """
                {"personRef":"%s","priority":"URGENT"}""".formatted(UUID.randomUUID()));
        assertThat(late.statusCode()).isEqualTo(409);
        // The partner's view says so too.
        assertThat(json(get("/api/workshops/referrals/" + referralId + "/enrolment", "partner-epsm"))
                        .get("status")
                        .asString())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void aGroupWithEnoughConfirmedRunsThenCompletesEachParticipantByAttendance() {
        String programmeId = registerProgramme();
        JsonNode group = groupOf(programmeId, 4);
        String groupId = group.get("id").asString();
        String referralId = "referral-" + UUID.randomUUID();
        awaitConsumed(accept(referralId, programmeId, "ROUTINE"));
        List<String> confirmed = new ArrayList<>(
                List.of(enrolmentOf(groupId, referralId).get("id").asString()));
        for (int i = 0; i < 3; i++) {
            confirmed.add(enrol(groupId, null, null));
        }
        String waiting = enrol(groupId, null, null);

        advanceTo(instant(group, "startsAt"));
        sweepUntil(groupId, "RUNNING");

        assertThat(groupAsAdmin(groupId).get("confirmedCount").asInt()).isEqualTo(4);
        // Someone leaves while it runs: the first waitlisted gets the place.
        HttpResponse<String> withdrawn = post(
                "/api/workshops/groups/" + groupId + "/enrolments/" + confirmed.removeLast() + "/withdrawal",
                "ide-bernard",
                "{\"reason\":\"no-longer-needed\"}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(json(withdrawn).get("promoted"))
                .extracting(JsonNode::asString)
                .containsExactly(waiting);
        confirmed.add(waiting);

        advanceTo(instant(group, "endsAt").minusSeconds(1));
        watcher.sweep();
        assertThat(status(groupId)).as("not over yet").isEqualTo("RUNNING");
        advanceTo(instant(group, "endsAt"));
        sweepUntil(groupId, "COMPLETED");

        // Nobody recorded attendance here: every participant came to 0 of 8 group sessions.
        JsonNode completedGroup = groupAsAdmin(groupId);
        assertThat(completedGroup.get("enrolments"))
                .filteredOn(enrolment -> confirmed.contains(enrolment.get("id").asString()))
                .hasSize(4)
                .allSatisfy(enrolment -> {
                    assertThat(enrolment.get("status").asString()).isEqualTo("NOT_COMPLETED");
                    assertThat(enrolment.get("sessionsAttended").asInt()).isZero();
                });
        TopicReader events = read(WORKSHOP_TOPIC);
        JsonNode completed = published(events, COMPLETED, groupId).getFirst();
        EventSchemas.assertValid(COMPLETED, JSON.writeValueAsString(completed.get("data")));
        JsonNode data = completed.get("data");
        assertThat(data.get("groupSessions").asInt()).isEqualTo(8);
        assertThat(data.get("completedCount").asInt()).isZero();
        assertThat(data.get("notCompletedCount").asInt()).isEqualTo(4);
        assertThat(data.get("withdrawnCount").asInt()).isEqualTo(1);
        assertThat(events.events(event(PARTICIPANT_COMPLETED, "groupId", groupId)))
                .isEmpty();
        assertThat(events.events(event(CANCELLED, "groupId", groupId))).isEmpty();
        assertThat(json(get("/api/workshops/referrals/" + referralId + "/enrolment", "dr-martin"))
                        .get("status")
                        .asString())
                .isEqualTo("NOT_COMPLETED");
        HttpResponse<String> cancel = post("/api/workshops/groups/" + groupId + "/cancellation", "coord-bievre", """
                {"reason":"too-late"}""");
        assertThat(cancel.statusCode()).isEqualTo(409);
        assertThat(json(cancel).get("type").asString()).isEqualTo("urn:maillage:problem:illegal-transition");
    }

    @Test
    void aCoordinatorCancelsAGroupAndEveryReferrerIsTold() {
        String programmeId = registerProgramme();
        String groupId = groupOf(programmeId, 1).get("id").asString();
        String fromMsp = enrol(groupId, "referral-" + UUID.randomUUID(), "msp-bievre");
        String fromEpsm = enrol(groupId, "referral-" + UUID.randomUUID(), "epsm-bievre");
        String path = "/api/workshops/groups/" + groupId + "/cancellation";

        assertThat(post(path, "psy-durand", "{\"reason\":\"no-room\"}").statusCode())
                .isEqualTo(403);
        assertThat(post(path, "coord-lyon", "{\"reason\":\"no-room\"}").statusCode())
                .isEqualTo(404);
        assertThat(post(path, "coord-bievre", "{\"reason\":\"Plus de salle, désolé\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post(path, "coord-bievre", "{}").statusCode()).isEqualTo(400);
        assertThat(status(groupId)).isEqualTo("OPEN");
        HttpResponse<String> cancelled = post(path, "coord-bievre", "{\"reason\":\"venue-unavailable\"}");

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(json(cancelled).get("cancellationReason").asString()).isEqualTo("venue-unavailable");
        assertThat(post(path, "coord-bievre", "{\"reason\":\"again\"}").statusCode())
                .isEqualTo(409);
        JsonNode event = published(read(WORKSHOP_TOPIC), CANCELLED, groupId).getFirst();
        EventSchemas.assertValid(CANCELLED, JSON.writeValueAsString(event.get("data")));
        assertThat(event.get("audience").asString().split(" "))
                .containsExactlyInAnyOrder("lieu-dit", "msp-bievre", "epsm-bievre");
        assertThat(event.get("data").get("participants"))
                .extracting(participant -> participant.get("status").asString())
                .containsExactly("CONFIRMED", "WAITLISTED");
        assertThat(event.get("data").get("participants"))
                .extracting(participant -> participant.get("enrolmentId").asString())
                .containsExactly(fromMsp, fromEpsm);
        // Its facilitators still find it, cancelled, among their groups.
        assertThat(json(get("/api/workshops/groups?status=CANCELLED&programmeId=" + programmeId, "psy-durand"))
                        .get("items"))
                .extracting(item -> item.get("id").asString())
                .containsExactly(groupId);
    }

    @Test
    void twoInstancesSweepingAtOnceTakeEachStepOnce() throws Exception {
        String programmeId = registerProgramme();
        MutableClock shared = clock;
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(WorkshopServiceApplication.class)
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean(
                                "sharedTestClock",
                                MutableClock.class,
                                () -> shared,
                                definition -> definition.setPrimary(true)))
                // Not a second consumer of referral.events.v1: that would only rebalance the other tests' partitions.
                .run("--server.port=0", "--spring.kafka.listener.auto-startup=false")) {
            GroupLifecycleWatcher other = second.getBean(GroupLifecycleWatcher.class);
            JsonNode thin = groupOf(programmeId, 4);
            enrol(thin.get("id").asString(), "referral-" + UUID.randomUUID(), "msp-bievre");
            JsonNode full = groupOf(programmeId, 4);
            for (int i = 0; i < 4; i++) {
                enrol(full.get("id").asString(), null, null);
            }
            String thinId = thin.get("id").asString();
            String fullId = full.get("id").asString();

            advanceTo(instant(full, "startsAt"));
            race(watcher, other);
            assertThat(status(thinId)).isEqualTo("CANCELLED");
            assertThat(status(fullId)).isEqualTo("RUNNING");
            advanceTo(instant(full, "endsAt"));
            race(watcher, other);
            assertThat(status(fullId)).isEqualTo("COMPLETED");

            TopicReader events = read(WORKSHOP_TOPIC);
            assertThat(published(events, CANCELLED, thinId)).hasSize(1);
            assertThat(published(events, COMPLETED, fullId)).hasSize(1);
        }
    }

    /** Both instances sweep three times each, from two threads released together. */
    private static void race(GroupLifecycleWatcher one, GroupLifecycleWatcher two) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> sweeps = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (GroupLifecycleWatcher watcher : List.of(one, two)) {
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
