package fr.maillage.meeting.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** Bad input answers a 4xx problem and writes nothing. */
class MeetingInputIntegrationTests extends MeetingTestSupport {

    private final String title = "Entrée " + UUID.randomUUID();

    private Map<String, Object> body(List<Map<String, Object>> participants) {
        Map<String, Object> body = new LinkedHashMap<>(meetingBody("CASE_CONFERENCE", "bievre", soon(), participants));
        body.put("title", title);
        return body;
    }

    private long written() {
        return mongo.count(Query.query(Criteria.where("title").is(title)), Meeting.class);
    }

    private HttpResponse<String> schedule(Map<String, Object> body) {
        return post("/api/meetings", "coord-bievre", json(body));
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(post("/api/meetings", "coord-bievre", "{\"kind\": \"CASE_CONFERENCE\", "), 400, "malformed-json");
        assertProblem(post("/api/meetings", "coord-bievre", null), 400, "missing-body");
    }

    @Test
    void anUnknownKindNamesTheAcceptedOnes() {
        Map<String, Object> body = body(List.of(GP));
        body.put("kind", "MEETUP");

        HttpResponse<String> response = schedule(body);

        assertProblem(response, 400, "invalid-body");
        assertThat(json(response).get("acceptedValues"))
                .extracting(JsonNode::asString)
                .contains("PRACTICE_GROUP", "CASE_CONFERENCE", "STEERING_COMMITTEE", "SUPERVISION");
        assertThat(written()).isZero();
    }

    @Test
    void aParticipantWithoutAProfessionIsRefused() {
        Map<String, Object> noProfession = new LinkedHashMap<>(GP);
        noProfession.remove("profession");

        HttpResponse<String> response = schedule(body(List.of(NURSE, noProfession)));

        assertProblem(response, 400, "validation-failed");
        assertThat(json(response).get("errors"))
                .extracting(error -> error.get("field").asString())
                .containsExactly("participants[1].profession");
        assertThat(written()).isZero();
    }

    @Test
    void aMeetingWithoutParticipantsOrWithSomeoneTwiceIsRefused() {
        assertProblem(schedule(body(List.of())), 400, "validation-failed");
        HttpResponse<String> twice = schedule(body(List.of(GP, NURSE, GP)));
        assertProblem(twice, 400, "duplicate-participant");
        assertThat(json(twice).get("userId").asString()).isEqualTo(DR_MARTIN);
        assertThat(written()).isZero();
    }

    @Test
    void aStartThatIsNeitherALocalTimeNorAnInstantIsRefused() {
        Map<String, Object> body = body(List.of(GP));
        body.put("startsAt", "mardi prochain");

        assertProblem(schedule(body), 400, "invalid-start");
        body.put("startsAt", "2037-01-13T18:30");
        body.put("durationMinutes", 5);
        assertProblem(schedule(body), 400, "validation-failed");
        body.put("durationMinutes", 90);
        body.put("territory", "Bièvre");
        assertProblem(schedule(body), 400, "validation-failed");
        assertThat(written()).isZero();
    }

    @Test
    void anUnknownMeetingOrItemIsNotFound() {
        String unknown = UUID.randomUUID().toString();

        assertProblem(get("/api/meetings/" + unknown, "admin"), 404, "not-found");
        assertProblem(recordAttendance(unknown, "coord-bievre", DR_MARTIN), 404, "not-found");
        assertProblem(addItem(unknown, "coord-bievre", Map.of("kind", "PROJECT_FOLLOW_UP")), 404, "not-found");
        String id = bievreMeeting("SUPERVISION").get("id").asString();
        assertProblem(
                post("/api/meetings/" + id + "/items/" + unknown + "/keep", "coord-bievre", null), 404, "not-found");
        assertProblem(get("/api/meetings/" + id + "/items/" + unknown + "/notes", "coord-bievre"), 404, "not-found");
    }

    @Test
    void attendanceIsRecordedOnceTheMeetingHasStartedAndOnlyForTheInvited() {
        JsonNode meeting = bievreMeeting("CASE_CONFERENCE");
        String id = meeting.get("id").asString();

        HttpResponse<String> early = recordAttendance(id, "coord-bievre", DR_MARTIN);
        assertProblem(early, 409, "meeting-not-started");

        reachStartOf(meeting);
        String stranger = UUID.randomUUID().toString();
        HttpResponse<String> withAStranger = recordAttendance(id, "coord-bievre", DR_MARTIN, stranger);
        assertProblem(withAStranger, 422, "not-invited");
        assertThat(json(withAStranger).get("notInvited"))
                .extracting(JsonNode::asString)
                .containsExactly(stranger);
        assertProblem(recordAttendance(id, "coord-bievre"), 422, "nobody-present");
        assertProblem(put("/api/meetings/" + id + "/attendance", "coord-bievre", "{}"), 400, "validation-failed");

        Meeting stored = stored(id);
        assertThat(stored.status()).isEqualTo(MeetingStatus.SCHEDULED);
        assertThat(stored.present()).isEmpty();
        assertThat(stored.pendingEvents()).noneMatch(event -> event.type().equals(HELD));
    }

    @Test
    void badItemsAndDecisionsAreRefused() {
        String id = bievreMeeting("CASE_CONFERENCE").get("id").asString();

        assertProblem(addItem(id, "coord-bievre", Map.of("kind", "PRACTICE_EXCHANGE")), 400, "topic-required");
        assertProblem(addItem(id, "coord-bievre", Map.of("kind", "CASE_REVIEW")), 400, "person-ref-required");
        assertProblem(
                addItem(id, "coord-bievre", Map.of("kind", "PROJECT_FOLLOW_UP", "sourceType", "GOSSIP")),
                400,
                "validation-failed");
        assertThat(stored(id).items()).isEmpty();
        String item = json(addItem(id, "coord-bievre", Map.of("kind", "PROJECT_FOLLOW_UP")))
                .get("id")
                .asString();
        assertProblem(decide(id, item, "coord-bievre", " ", List.of()), 400, "validation-failed");
        assertProblem(
                post(
                        "/api/meetings/" + id + "/items/" + item + "/decisions",
                        "coord-bievre",
                        "{\"text\":\"Relancer\",\"actions\":[{\"ownerId\":\"x\",\"title\":\"Appeler\",\"dueOn\":\"demain\"}]}"),
                400,
                "invalid-body");
        assertThat(stored(id).item(item).orElseThrow().decisions()).isEmpty();
    }
}
