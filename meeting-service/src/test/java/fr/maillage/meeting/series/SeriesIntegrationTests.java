package fr.maillage.meeting.series;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.meeting.meeting.Meeting;
import fr.maillage.meeting.meeting.MeetingTestSupport;
import fr.maillage.platform.testing.TopicReader;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** Recurring meetings over HTTP: occurrences off the public holidays, then each moved or cancelled alone. */
class SeriesIntegrationTests extends MeetingTestSupport {

    private final String territory = freshTerritory();
    private final String title = "Série " + UUID.randomUUID();

    private Map<String, Object> series(Map<String, Object> recurrence, String from, int count) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "SUPERVISION");
        body.put("territory", territory);
        body.put("title", title);
        body.put("recurrence", recurrence);
        body.put("from", from);
        body.put("count", count);
        body.put("venue", "MSP Bièvre");
        body.put("participants", List.of(GP, NURSE, PSYCHOLOGIST));
        return body;
    }

    private static Map<String, Object> monthly(int ordinal, String day, String at) {
        Map<String, Object> recurrence = new LinkedHashMap<>();
        recurrence.put("frequency", "MONTHLY");
        recurrence.put("ordinal", ordinal);
        recurrence.put("day", day);
        recurrence.put("at", at);
        recurrence.put("durationMinutes", 120);
        return recurrence;
    }

    private JsonNode create(Map<String, Object> body) {
        HttpResponse<String> response = post("/api/meetings/series", "admin", json(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private static List<String> starts(JsonNode created) {
        return created.get("meetings")
                .valueStream()
                .map(meeting -> meeting.get("startsAt").asString())
                .toList();
    }

    private long written() {
        return mongo.count(Query.query(Criteria.where("title").is(title)), Meeting.class);
    }

    @Test
    void aSecondTuesdaySeriesMovesBastilleDayToWednesdayAndEveryOccurrenceIsPublished() {
        TopicReader events = readFromNow(MEETING_TOPIC);

        JsonNode created = create(series(monthly(2, "TUESDAY", "18:30"), "2037-06-01", 3));

        String seriesId = created.get("seriesId").asString();
        // 14 July 2037 is the second Tuesday of July: Wednesday 15 at the same time. Summer: UTC+2.
        assertThat(starts(created))
                .containsExactly("2037-06-09T16:30:00Z", "2037-07-15T16:30:00Z", "2037-08-11T16:30:00Z");
        assertThat(created.get("meetings")
                        .valueStream()
                        .map(m -> m.get("seriesId").asString()))
                .containsOnly(seriesId);
        String july = created.get("meetings").get(1).get("id").asString();
        JsonNode scheduled = published(events, SCHEDULED, july).getFirst().get("data");
        assertThat(scheduled.get("seriesId").asString()).isEqualTo(seriesId);
        assertThat(json(get("/api/meetings?seriesId=" + seriesId, "dr-martin"))
                        .get("totalItems")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void theLastFridayOfDecember2037IsChristmasAndMovesToMonday() {
        JsonNode created = create(series(monthly(-1, "FRIDAY", "14:00"), "2037-12-01", 2));

        assertThat(starts(created)).containsExactly("2037-12-28T13:00:00Z", "2038-01-29T13:00:00Z");
    }

    @Test
    void aQuarterlySeriesMeetsInTheGivenMonthOfEachQuarterAtTheSameParisTime() {
        Map<String, Object> quarterly = monthly(1, "THURSDAY", "10:00");
        quarterly.put("frequency", "QUARTERLY");
        quarterly.put("monthOfQuarter", 3);

        JsonNode created = create(series(quarterly, "2037-01-01", 4));

        assertThat(starts(created))
                .containsExactly(
                        "2037-03-05T09:00:00Z", "2037-06-04T08:00:00Z", "2037-09-03T08:00:00Z", "2037-12-03T09:00:00Z");
    }

    @Test
    void oneOccurrenceMovesAndAnotherIsCancelledWithoutTouchingTheRest() {
        JsonNode created = create(series(monthly(2, "TUESDAY", "18:30"), "2037-09-01", 3));
        String first = created.get("meetings").get(0).get("id").asString();
        String second = created.get("meetings").get(1).get("id").asString();
        String third = created.get("meetings").get(2).get("id").asString();

        HttpResponse<String> moved =
                put("/api/meetings/" + first, "admin", json(Map.of("startsAt", "2037-09-10T18:30")));
        HttpResponse<String> cancelled = post("/api/meetings/" + second + "/cancellation", "admin", null);

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json(moved).get("startsAt").asString()).isEqualTo("2037-09-10T16:30:00Z");
        assertThat(json(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        JsonNode rest = meeting(third, "admin");
        assertThat(rest.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(rest.get("startsAt").asString())
                .isEqualTo(created.get("meetings").get(2).get("startsAt").asString());
    }

    @Test
    void badSeriesAreRefusedAndWriteNothing() {
        HttpResponse<String> past =
                post("/api/meetings/series", "admin", json(series(monthly(2, "TUESDAY", "18:30"), "2020-01-01", 3)));
        assertProblem(past, 422, "meeting-in-the-past");
        assertProblem(
                post("/api/meetings/series", "admin", json(series(monthly(0, "TUESDAY", "18:30"), "2037-06-01", 3))),
                400,
                "invalid-recurrence");
        assertProblem(
                post("/api/meetings/series", "admin", json(series(monthly(5, "TUESDAY", "18:30"), "2037-06-01", 3))),
                400,
                "validation-failed");
        Map<String, Object> monthlyWithQuarter = monthly(2, "TUESDAY", "18:30");
        monthlyWithQuarter.put("monthOfQuarter", 2);
        assertProblem(
                post("/api/meetings/series", "admin", json(series(monthlyWithQuarter, "2037-06-01", 3))),
                400,
                "invalid-recurrence");
        assertProblem(
                post("/api/meetings/series", "admin", json(series(monthly(2, "TUESDAY", "18:30"), "2037-06-01", 25))),
                400,
                "validation-failed");
        assertProblem(
                post("/api/meetings/series", "admin", json(series(monthly(2, "MARDI", "18:30"), "2037-06-01", 3))),
                400,
                "invalid-body");
        Map<String, Object> noProfession = series(monthly(2, "TUESDAY", "18:30"), "2037-06-01", 3);
        noProfession.put("participants", List.of(Map.of("userId", DR_MARTIN, "institution", "msp-bievre")));
        assertProblem(post("/api/meetings/series", "admin", json(noProfession)), 400, "validation-failed");
        Map<String, Object> bievre = series(monthly(2, "TUESDAY", "18:30"), "2037-06-01", 3);
        bievre.put("territory", "bievre");
        assertProblem(post("/api/meetings/series", "coord-lyon", json(bievre)), 403, "forbidden");
        assertThat(written()).isZero();
    }
}
