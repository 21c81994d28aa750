package fr.maillage.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * What workshop-service reports about a person's participation reaches the referrer, over the real broker:
 * events are played on {@code workshop.events.v1} as workshop-service publishes them (key and subject =
 * groupId, the contract's data).
 */
class WorkshopLoopIntegrationTests extends ReferralIntegrationSupport {

    private static final String WORKSHOP = "fr.maillage.workshop.";
    private static final String CONFIRMED = WORKSHOP + "enrolment-confirmed.v1";
    private static final String WAITLISTED = WORKSHOP + "enrolment-waitlisted.v1";
    private static final String DISENGAGED = WORKSHOP + "participant-disengaged.v1";
    private static final String WITHDREW = WORKSHOP + "participant-withdrew.v1";
    private static final String COMPLETED = WORKSHOP + "participant-completed.v1";
    private static final String GROUP_CANCELLED = WORKSHOP + "group-cancelled.v1";

    @Test
    void aDisengagementShowsSessionUnattendedToTheReferrer() {
        String groupId = UUID.randomUUID().toString();
        Participant person = enrolledIn(groupId);
        Instant disengagedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        String eventId = playWorkshopEvent(
                UUID.randomUUID().toString(), DISENGAGED, groupId, disengaged(groupId, person, 1, disengagedAt));

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    JsonNode seen = json(get("/api/referrals/" + person.referralId(), token("dr-martin")));
                    assertThat(seen.path("businessStatus").asString()).isEqualTo("SESSION_UNATTENDED");
                    assertThat(seen.path("status").asString()).isEqualTo("IN_PROGRESS");
                    JsonNode last =
                            seen.path("history").get(seen.path("history").size() - 1);
                    assertThat(last.path("action").asString()).isEqualTo("SESSION_UNATTENDED");
                    assertThat(last.path("businessStatus").asString()).isEqualTo("SESSION_UNATTENDED");
                    assertThat(last.path("sourceEventId").asString()).isEqualTo(eventId);
                    assertThat(Instant.parse(last.path("at").asString())).isEqualTo(disengagedAt);
                });
        // The coordinator of the territory sees the same referral.
        assertThat(businessStatus(person.referralId(), "coord-bievre")).isEqualTo("SESSION_UNATTENDED");
    }

    @Test
    void aRedeliveredDisengagementAddsNoSecondHistoryEntryButANewEpisodeDoes() {
        String groupId = UUID.randomUUID().toString();
        Participant person = enrolledIn(groupId);
        Participant marker = enrolledIn(groupId);
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> data = disengaged(groupId, person, 1, Instant.now());

        playWorkshopEvent(eventId, DISENGAGED, groupId, data);
        playWorkshopEvent(eventId, DISENGAGED, groupId, data);
        // Same key, so same partition, after the duplicate: once it is applied, the duplicate was consumed.
        playWorkshopEvent(
                UUID.randomUUID().toString(), DISENGAGED, groupId, disengaged(groupId, marker, 1, Instant.now()));
        awaitBusinessStatus(marker.referralId(), "SESSION_UNATTENDED");

        HttpResponse<String> seen = get("/api/referrals/" + person.referralId(), token("dr-martin"));
        assertThat(actions(json(seen))).containsExactly("SUBMITTED", "ACCEPTED", "ENROLLED", "SESSION_UNATTENDED");
        assertThat(seen.headers().firstValue("ETag")).hasValue("\"3\"");

        // A later episode is another event: recorded too.
        String second = playWorkshopEvent(
                UUID.randomUUID().toString(), DISENGAGED, groupId, disengaged(groupId, person, 2, Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(
                                actions(json(get("/api/referrals/" + person.referralId(), token("dr-martin")))))
                        .containsExactly(
                                "SUBMITTED", "ACCEPTED", "ENROLLED", "SESSION_UNATTENDED", "SESSION_UNATTENDED"));
        assertThat(lastEntry(person.referralId()).path("sourceEventId").asString())
                .isEqualTo(second);
    }

    @Test
    void aCancelledGroupTouchesEveryListedReferralAndOnlyThem() {
        String groupId = UUID.randomUUID().toString();
        Participant first = enrolledIn(groupId);
        Participant second = enrolledIn(groupId);
        Participant waiting = waitlistedIn(groupId);
        Participant left = enrolledIn(groupId);
        Participant elsewhere = enrolledIn(UUID.randomUUID().toString());
        String leftEvent = playWorkshopEvent(
                UUID.randomUUID().toString(), WITHDREW, groupId, withdrew(groupId, left, "moved-away"));
        awaitBusinessStatus(left.referralId(), "WORKSHOP_WITHDRAWN");

        String eventId = playWorkshopEvent(
                UUID.randomUUID().toString(),
                GROUP_CANCELLED,
                groupId,
                cancelled(
                        groupId,
                        "minimum-not-reached",
                        List.of(
                                entry(first, "CONFIRMED"),
                                entry(second, "CONFIRMED"),
                                entry(waiting, "WAITLISTED"),
                                entry(left, "WITHDRAWN"),
                                // Enrolled by a coordinator, without a referral; and a referral not ours.
                                entry(new Participant(null, UUID.randomUUID().toString(), null), "CONFIRMED"),
                                entry(
                                        new Participant(
                                                UUID.randomUUID().toString(),
                                                UUID.randomUUID().toString(),
                                                UUID.randomUUID().toString()),
                                        "CONFIRMED"))));

        for (Participant participant : List.of(first, second, waiting)) {
            awaitBusinessStatus(participant.referralId(), "GROUP_CANCELLED");
            JsonNode last = lastEntry(participant.referralId());
            assertThat(last.path("action").asString()).isEqualTo("GROUP_CANCELLED");
            assertThat(last.path("reasonCode").asString()).isEqualTo("minimum-not-reached");
            assertThat(last.path("sourceEventId").asString()).isEqualTo(eventId);
        }
        // Cancelled, the group does not close the referrals: the need for a workshop is still there.
        assertThat(statusOf(first.referralId())).isEqualTo("IN_PROGRESS");
        assertThat(statusOf(waiting.referralId())).isEqualTo("ACCEPTED");
        // The one who had left keeps their own story; another group's person is untouched.
        assertThat(lastEntry(left.referralId()).path("sourceEventId").asString())
                .isEqualTo(leftEvent);
        assertThat(businessStatus(left.referralId(), "dr-martin")).isEqualTo("WORKSHOP_WITHDRAWN");
        assertThat(businessStatus(elsewhere.referralId(), "dr-martin")).isEqualTo("ENROLLED");
    }

    @Test
    void aWithdrawalAndACompletionShowOnTheReferralAndLeaveItToItsOwners() {
        String groupId = UUID.randomUUID().toString();
        Participant leaving = enrolledIn(groupId);
        Participant staying = enrolledIn(groupId);

        playWorkshopEvent(UUID.randomUUID().toString(), WITHDREW, groupId, withdrew(groupId, leaving, "moved-away"));
        playWorkshopEvent(UUID.randomUUID().toString(), COMPLETED, groupId, completed(groupId, staying));

        awaitBusinessStatus(leaving.referralId(), "WORKSHOP_WITHDRAWN");
        awaitBusinessStatus(staying.referralId(), "WORKSHOP_COMPLETED");
        assertThat(lastEntry(leaving.referralId()).path("reasonCode").asString())
                .isEqualTo("moved-away");
        assertThat(statusOf(leaving.referralId())).isEqualTo("IN_PROGRESS");
        assertThat(statusOf(staying.referralId())).isEqualTo("IN_PROGRESS");
        // The receiving side still completes the referral itself, with its outcome.
        stepOk(staying.referralId(), "completion", "psy-durand", Map.of("outcome", "Atelier suivi en entier"));
        assertThat(statusOf(staying.referralId())).isEqualTo("COMPLETED");
    }

    @Test
    void aWorkshopStepForAReferralClosedMeanwhileOrNotOursIsIgnoredAndBlocksNothing() {
        String groupId = UUID.randomUUID().toString();
        Participant cancelledByReferrer = enrolledIn(groupId);
        stepOk(cancelledByReferrer.referralId(), "cancellation", "dr-martin", Map.of("reason", "Hospitalisée"));
        Participant unknown = new Participant(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        Participant marker = enrolledIn(groupId);

        playWorkshopEvent(
                UUID.randomUUID().toString(), WITHDREW, groupId, withdrew(groupId, cancelledByReferrer, "moved-away"));
        playWorkshopEvent(
                UUID.randomUUID().toString(), DISENGAGED, groupId, disengaged(groupId, unknown, 1, Instant.now()));
        playWorkshopEvent(UUID.randomUUID().toString(), WITHDREW, groupId, withdrew(groupId, marker, "moved-away"));

        awaitBusinessStatus(marker.referralId(), "WORKSHOP_WITHDRAWN");
        JsonNode closed = json(get("/api/referrals/" + cancelledByReferrer.referralId(), token("dr-martin")));
        assertThat(closed.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(actions(closed)).containsExactly("SUBMITTED", "ACCEPTED", "ENROLLED", "CANCELLED");
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(unknown.referralId())), "referrals"))
                .isFalse();
    }

    @Test
    void invalidWorkshopEventsGoToTheDeadLetterTopicAndChangeNothing() {
        String groupId = UUID.randomUUID().toString();
        Participant person = enrolledIn(groupId);
        Map<String, Object> noTime = new HashMap<>(disengaged(groupId, person, 1, Instant.now()));
        noTime.remove("disengagedAt");
        Map<String, Object> badParticipant = new HashMap<>(cancelled(groupId, "minimum-not-reached", List.of()));
        badParticipant.put("participants", List.of(Map.of("referralId", person.referralId(), "status", "CONFIRMED")));

        String first = playWorkshopEvent(UUID.randomUUID().toString(), DISENGAGED, groupId, noTime);
        String second = playWorkshopEvent(UUID.randomUUID().toString(), GROUP_CANCELLED, groupId, badParticipant);

        List<ConsumerRecord<String, String>> dead = recordsFor(WORKSHOP_TOPIC + "-dlt", groupId, 2);
        assertThat(dead)
                .extracting(record -> JSON.readTree(record.value()).path("id").asString())
                .contains(first, second);
        JsonNode seen = json(get("/api/referrals/" + person.referralId(), token("dr-martin")));
        assertThat(seen.path("businessStatus").asString()).isEqualTo("ENROLLED");
        assertThat(actions(seen)).containsExactly("SUBMITTED", "ACCEPTED", "ENROLLED");
    }

    @Test
    void aCancelledGroupWithOneReferralNeverAcceptedRecordsTheOthersAndDeadLettersTheEvent() {
        String groupId = UUID.randomUUID().toString();
        Participant accepted = enrolledIn(groupId);
        JsonNode submittedOnly = submitReferral("dr-martin", registerWorkshop());
        Participant inconsistent = new Participant(
                submittedOnly.path("id").asString(),
                UUID.randomUUID().toString(),
                submittedOnly.path("personRef").asString());

        String eventId = playWorkshopEvent(
                UUID.randomUUID().toString(),
                GROUP_CANCELLED,
                groupId,
                cancelled(
                        groupId,
                        "minimum-not-reached",
                        List.of(entry(inconsistent, "CONFIRMED"), entry(accepted, "CONFIRMED"))));

        ConsumerRecord<String, String> dead =
                recordsFor(WORKSHOP_TOPIC + "-dlt", groupId, 1).getFirst();
        assertThat(JSON.readTree(dead.value()).path("id").asString()).isEqualTo(eventId);
        JsonNode recorded = json(get("/api/referrals/" + accepted.referralId(), token("dr-martin")));
        assertThat(recorded.path("businessStatus").asString()).isEqualTo("GROUP_CANCELLED");
        // Retried before it was dead-lettered, the event is still recorded once.
        assertThat(actions(recorded)).containsExactly("SUBMITTED", "ACCEPTED", "ENROLLED", "GROUP_CANCELLED");
        assertThat(businessStatus(inconsistent.referralId(), "dr-martin")).isEqualTo("RECEIVED");
    }

    // ---- a person in a group, the way workshop-service reports them ----

    /** A referral, an enrolment and a person, as a workshop event names them. */
    private record Participant(String referralId, String enrolmentId, String personRef) {}

    /** dr-martin refers a fresh person to a programme, coord-bievre accepts, the group confirms them. */
    private Participant enrolledIn(String groupId) {
        Participant participant = acceptedParticipant();
        playWorkshopEvent(
                UUID.randomUUID().toString(), CONFIRMED, groupId, enrolment(groupId, participant, "confirmedAt"));
        awaitBusinessStatus(participant.referralId(), "ENROLLED");
        return participant;
    }

    private Participant waitlistedIn(String groupId) {
        Participant participant = acceptedParticipant();
        Map<String, Object> data = enrolment(groupId, participant, "waitlistedAt");
        data.put("position", 1);
        playWorkshopEvent(UUID.randomUUID().toString(), WAITLISTED, groupId, data);
        awaitBusinessStatus(participant.referralId(), "WAITLISTED");
        return participant;
    }

    private Participant acceptedParticipant() {
        JsonNode referral = refer("dr-martin", registerWorkshop());
        String id = referral.path("id").asString();
        stepOk(id, "acceptance", "coord-bievre", null);
        return new Participant(
                id, UUID.randomUUID().toString(), referral.path("personRef").asString());
    }

    private static Map<String, Object> enrolment(String groupId, Participant participant, String timeField) {
        Map<String, Object> data = common(groupId, participant);
        data.put(timeField, Instant.now().toString());
        return data;
    }

    private static Map<String, Object> disengaged(String groupId, Participant participant, int episode, Instant at) {
        Map<String, Object> data = common(groupId, participant);
        data.put("episode", episode);
        data.put("consecutiveAbsences", 2);
        data.put("disengagedAt", at.toString());
        return data;
    }

    private static Map<String, Object> withdrew(String groupId, Participant participant, String reason) {
        Map<String, Object> data = common(groupId, participant);
        data.put("reason", reason);
        data.put("withdrewAt", Instant.now().toString());
        return data;
    }

    private static Map<String, Object> completed(String groupId, Participant participant) {
        Map<String, Object> data = common(groupId, participant);
        data.put("sessionsAttended", 7);
        data.put("groupSessions", 8);
        data.put("completedAt", Instant.now().toString());
        return data;
    }

    private static Map<String, Object> cancelled(
            String groupId, String reason, List<Map<String, Object>> participants) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("groupId", groupId);
        data.put("programmeId", UUID.randomUUID().toString());
        data.put("territory", "bievre");
        data.put("reason", reason);
        data.put("confirmedCount", 2);
        data.put("minParticipants", 4);
        data.put("participants", participants);
        data.put("cancelledAt", Instant.now().toString());
        return data;
    }

    private static Map<String, Object> entry(Participant participant, String status) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("enrolmentId", participant.enrolmentId());
        entry.put("referralId", participant.referralId());
        entry.put("personRef", participant.personRef());
        entry.put("status", status);
        return entry;
    }

    /** What every per-participant workshop event says (nulls kept: the contract allows a null referralId). */
    private static Map<String, Object> common(String groupId, Participant participant) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("enrolmentId", participant.enrolmentId());
        data.put("groupId", groupId);
        data.put("programmeId", UUID.randomUUID().toString());
        data.put("referralId", participant.referralId());
        data.put("personRef", participant.personRef());
        data.put("territory", "bievre");
        return data;
    }

    // ---- reading the referral ----

    private void awaitBusinessStatus(String referralId, String expected) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> expected.equals(businessStatus(referralId, "coord-bievre")));
    }

    private String businessStatus(String referralId, String who) {
        return json(get("/api/referrals/" + referralId, token(who)))
                .path("businessStatus")
                .asString();
    }

    private JsonNode lastEntry(String referralId) {
        JsonNode history =
                json(get("/api/referrals/" + referralId, token("dr-martin"))).path("history");
        return history.get(history.size() - 1);
    }

    private static List<String> actions(JsonNode referral) {
        return elements(referral.path("history"))
                .map(entry -> entry.path("action").asString())
                .toList();
    }
}
