package fr.maillage.meeting.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.testing.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** Scheduling, moving, cancelling and listing meetings over HTTP, and what each publishes. */
class MeetingSchedulingIntegrationTests extends MeetingTestSupport {

    @Test
    void aCoordinatorSchedulesAMeetingAndTheParticipantsInstitutionsAreTold() {
        TopicReader events = readFromNow(MEETING_TOPIC);
        Instant start = soon();

        HttpResponse<String> response = post(
                "/api/meetings",
                "coord-bievre",
                json(meetingBody("CASE_CONFERENCE", "bievre", start, List.of(GP, NURSE, PSYCHOLOGIST))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode meeting = json(response);
        String id = meeting.get("id").asString();
        assertThat(response.headers().firstValue("Location")).contains("/api/meetings/" + id);
        assertThat(response.headers().firstValue("ETag")).contains("\"0\"");
        assertThat(meeting.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(meeting.get("kind").asString()).isEqualTo("CASE_CONFERENCE");
        assertThat(Instant.parse(meeting.get("startsAt").asString())).isEqualTo(start);
        assertThat(Instant.parse(meeting.get("endsAt").asString())).isEqualTo(start.plus(Duration.ofHours(2)));
        assertThat(meeting.get("durationMinutes").asInt()).isEqualTo(120);
        assertThat(meeting.get("seriesId").isNull()).isTrue();
        assertThat(meeting.get("participants"))
                .extracting(p -> p.get("profession").asString())
                .containsExactly("general-practitioner", "nurse", "clinical-psychologist");

        JsonNode scheduled = published(events, SCHEDULED, id).getFirst();
        assertThat(scheduled.get("subject").asString()).isEqualTo(id);
        assertThat(scheduled.get("territory").asString()).isEqualTo("bievre");
        assertThat(scheduled.get("audience").asString().split(" ")).containsExactlyInAnyOrder("msp-bievre", "lieu-dit");
        JsonNode data = scheduled.get("data");
        assertThat(data.get("invitedCount").asInt()).isEqualTo(3);
        assertThat(data.get("kind").asString()).isEqualTo("CASE_CONFERENCE");
        assertThat(data.get("seriesId").isNull()).isTrue();
        assertThat(Instant.parse(data.get("startsAt").asString())).isEqualTo(start);
        assertThat(data.has("title")).as("no title in events").isFalse();
    }

    @Test
    void aParisLocalStartIsReadAtParisTime() {
        Map<String, Object> body =
                new java.util.LinkedHashMap<>(meetingBody("SUPERVISION", "bievre", soon(), List.of(NURSE)));
        body.put("startsAt", "2037-01-13T18:30");

        HttpResponse<String> response = post("/api/meetings", "coord-bievre", json(body));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response).get("startsAt").asString()).isEqualTo("2037-01-13T17:30:00Z");
    }

    @Test
    void aStartInThePastIsRefusedAndNothingIsWritten() {
        String title = "Passé " + UUID.randomUUID();
        Map<String, Object> body = new java.util.LinkedHashMap<>(meetingBody(
                "PRACTICE_GROUP", "bievre", clock.instant().minus(Duration.ofMinutes(1)), List.of(GP, NURSE)));
        body.put("title", title);

        HttpResponse<String> response = post("/api/meetings", "coord-bievre", json(body));

        assertProblem(response, 422, "meeting-in-the-past");
        assertThat(mongo.count(Query.query(Criteria.where("title").is(title)), Meeting.class))
                .isZero();
    }

    @Test
    void onlyCoordinatorsOfTheTerritoryAndAdminsSchedule() {
        String body = json(meetingBody("SUPERVISION", "bievre", soon(), List.of(NURSE)));

        assertProblem(post("/api/meetings", "coord-lyon", body), 403, "forbidden");
        assertProblem(post("/api/meetings", "dr-martin", body), 403, "forbidden");
        assertProblem(post("/api/meetings", "partner-epsm", body), 403, "forbidden");
        assertThat(post("/api/meetings", "admin", body).statusCode()).isEqualTo(201);
    }

    @Test
    void aMeetingMovesBeforeItStartsAndAStaleIfMatchIsRefused() {
        JsonNode meeting = bievreMeeting("SUPERVISION");
        String id = meeting.get("id").asString();
        Instant later = Instant.parse(meeting.get("startsAt").asString()).plus(Duration.ofHours(1));
        String move = json(Map.of("startsAt", later.toString(), "venue", "Salle B", "durationMinutes", 90));

        assertProblem(put("/api/meetings/" + id, "coord-bievre", move, "If-Match", "\"41\""), 412, "stale-version");
        HttpResponse<String> moved = put("/api/meetings/" + id, "coord-bievre", move, "If-Match", "\"0\"");

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(moved.headers().firstValue("ETag")).contains("\"1\"");
        JsonNode view = json(moved);
        assertThat(Instant.parse(view.get("startsAt").asString())).isEqualTo(later);
        assertThat(view.get("durationMinutes").asInt()).isEqualTo(90);
        assertThat(view.get("venue").asString()).isEqualTo("Salle B");
        // Without If-Match too; never to the past.
        assertProblem(
                put(
                        "/api/meetings/" + id,
                        "coord-bievre",
                        json(Map.of("startsAt", clock.instant().minusSeconds(60).toString()))),
                422,
                "meeting-in-the-past");
        assertThat(put("/api/meetings/" + id, "coord-bievre", json(Map.of("venue", "Salle C")))
                        .statusCode())
                .isEqualTo(200);
        advanceTo(later);
        assertProblem(
                put("/api/meetings/" + id, "coord-bievre", json(Map.of("venue", "Salle D"))),
                409,
                "meeting-already-started");
        assertProblem(put("/api/meetings/" + id, "coord-lyon", json(Map.of("venue", "x"))), 404, "not-found");
    }

    @Test
    void aCancelledMeetingIsPublishedOnceAndCannotBeCancelledOrHeldAgain() {
        TopicReader events = readFromNow(MEETING_TOPIC);
        JsonNode meeting = bievreMeeting("SUPERVISION");
        String id = meeting.get("id").asString();

        HttpResponse<String> cancelled = post("/api/meetings/" + id + "/cancellation", "coord-bievre", null);

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        HttpResponse<String> again = post(
                "/api/meetings/" + id + "/cancellation", "coord-bievre", json(Map.of("reason", "room-unavailable")));
        assertProblem(again, 409, "illegal-transition");
        assertThat(json(again).get("currentState").asString()).isEqualTo("CANCELLED");
        reachStartOf(meeting);
        assertProblem(recordAttendance(id, "coord-bievre", DR_MARTIN), 409, "illegal-transition");

        JsonNode event = published(events, CANCELLED, id).getFirst();
        assertThat(event.get("data").get("kind").asString()).isEqualTo("SUPERVISION");
        assertThat(Instant.parse(event.get("data").get("startsAt").asString()))
                .isEqualTo(Instant.parse(meeting.get("startsAt").asString()));
        assertThat(typesPublished(events, id)).containsExactly(SCHEDULED, CANCELLED);
    }

    @Test
    void aReasonForCancellingIsACodeNeverFreeText() {
        String id = bievreMeeting("SUPERVISION").get("id").asString();

        assertProblem(
                post(
                        "/api/meetings/" + id + "/cancellation",
                        "coord-bievre",
                        json(Map.of("reason", "Dr Martin est malade"))),
                400,
                "validation-failed");
        assertThat(stored(id).status()).isEqualTo(MeetingStatus.SCHEDULED);
    }

    @Test
    void listsShowTheMeetingsEachMaySeeFilteredByKindAndDates() {
        String territory = freshTerritory();
        Instant start = soon().plus(Duration.ofDays(3));
        String group = schedule("admin", "PRACTICE_GROUP", territory, start, List.of(GP, NURSE))
                .get("id")
                .asString();
        String supervision = schedule("admin", "SUPERVISION", territory, start.plus(Duration.ofDays(2)), List.of(NURSE))
                .get("id")
                .asString();

        JsonNode all = json(get("/api/meetings?territory=" + territory, "admin"));
        assertThat(all.get("items")).extracting(m -> m.get("id").asString()).containsExactly(group, supervision);
        assertThat(all.get("totalItems").asInt()).isEqualTo(2);
        assertThat(json(get("/api/meetings?territory=" + territory + "&kind=SUPERVISION", "admin"))
                        .get("items"))
                .extracting(m -> m.get("id").asString())
                .containsExactly(supervision);
        String day =
                LocalDateTime.ofInstant(start, ParisTime.PARIS).toLocalDate().toString();
        assertThat(json(get("/api/meetings?territory=" + territory + "&from=" + day + "&to=" + day, "admin"))
                        .get("items"))
                .extracting(m -> m.get("id").asString())
                .containsExactly(group);
        // dr-martin is invited to the group only; ide-bernard to both; coord-bievre covers neither territory.
        assertThat(json(get("/api/meetings?territory=" + territory, "dr-martin"))
                        .get("items"))
                .extracting(m -> m.get("id").asString())
                .containsExactly(group);
        assertThat(json(get("/api/meetings?territory=" + territory, "ide-bernard"))
                        .get("totalItems")
                        .asInt())
                .isEqualTo(2);
        assertThat(json(get("/api/meetings?territory=" + territory, "coord-bievre"))
                        .get("totalItems")
                        .asInt())
                .isZero();
        assertThat(json(get("/api/meetings?territory=" + territory, "copil-bievre"))
                        .get("totalItems")
                        .asInt())
                .isZero();
        assertProblem(get("/api/meetings?kind=MEETUP", "admin"), 400, "invalid-parameter");
        assertProblem(get("/api/meetings?from=yesterday", "admin"), 400, "invalid-parameter");
        assertProblem(get("/api/meetings", "partner-epsm"), 403, "forbidden");
    }
}
