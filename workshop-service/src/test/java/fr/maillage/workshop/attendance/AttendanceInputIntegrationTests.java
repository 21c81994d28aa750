package fr.maillage.workshop.attendance;

import static fr.maillage.workshop.attendance.Mark.ABSENT;
import static fr.maillage.workshop.attendance.Mark.PRESENT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.workshop.attendance.SessionRoster.Participant;
import fr.maillage.workshop.attendance.SessionRoster.Roster;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Refused recordings answer a problem and write nothing: no marks, no event. */
class AttendanceInputIntegrationTests extends AttendanceIntegrationSupport {

    private final Participant anna = referred();
    private final Participant bruno = referred();

    private static String type(HttpResponse<String> response) {
        return json(response).path("type").asString();
    }

    private void assertNothingWritten(Roster group) {
        assertThat(mongo.findById(group.groupId(), GroupAttendance.class)).isNull();
        JsonNode sheet = json(get(attendance(group, 1), "psy-durand"));
        assertThat(sheet.path("revision").asInt()).isZero();
        assertThat(sheet.path("marks")).isEmpty();
    }

    @Test
    void someoneNotEnrolledIs422NamingThemAndNothingIsWritten() {
        Roster group = heldGroup(anna, bruno);
        String stranger = UUID.randomUUID().toString();

        HttpResponse<String> response =
                put(attendance(group, 1), "psy-durand", """
                {"marks":[{"personRef":"%s","mark":"PRESENT"},{"personRef":"%s","mark":"ABSENT"}]}""".formatted(anna.personRef(), stranger));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(type(response)).isEqualTo("urn:maillage:problem:not-enrolled");
        assertThat(json(response).path("personRefs").get(0).asString()).isEqualTo(stranger);
        assertThat(json(response).path("detail").asString()).contains(stranger);
        assertNothingWritten(group);
    }

    @Test
    void aSessionInTheFutureIs409UntilHalfAnHourBeforeItStarts() {
        Instant start = clock.instant().plus(Duration.ofHours(2));
        Roster group = group("RUNNING", List.of(PSY_DURAND, IDE_BERNARD), start, anna);

        HttpResponse<String> early = put(attendance(group, 1), "psy-durand", marks(mark(anna, PRESENT)));

        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        assertThat(type(early)).isEqualTo("urn:maillage:problem:session-not-started");
        assertThat(json(early).path("recordableFrom").asString())
                .isEqualTo(start.minus(Duration.ofMinutes(30)).toString());
        assertNothingWritten(group);

        clock.set(start.minus(Duration.ofMinutes(30)));
        assertThat(put(attendance(group, 1), "psy-durand", marks(mark(anna, PRESENT)))
                        .statusCode())
                .isEqualTo(200);
        assertThat(put(attendance(group, 2), "psy-durand", marks(mark(anna, PRESENT)))
                        .statusCode())
                .isEqualTo(409);
    }

    @ParameterizedTest(name = "a {0} group takes no attendance")
    @ValueSource(strings = {"PLANNED", "CANCELLED", "COMPLETED"})
    void aGroupThatIsNotOpenOrRunningIs409(String status) {
        Roster group =
                group(status, List.of(PSY_DURAND, IDE_BERNARD), clock.instant().minus(Duration.ofDays(50)), anna);

        HttpResponse<String> response = put(attendance(group, 1), "psy-durand", marks(mark(anna, PRESENT)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(type(response)).isEqualTo("urn:maillage:problem:group-not-active");
        assertThat(json(response).path("currentState").asString()).isEqualTo(status);
        assertThat(mongo.findById(group.groupId(), GroupAttendance.class)).isNull();
    }

    @Test
    void anOpenGroupWhoseFirstSessionStartedTakesAttendance() {
        Roster group =
                group("OPEN", List.of(PSY_DURAND, IDE_BERNARD), clock.instant().minus(Duration.ofHours(1)), anna);

        assertThat(put(attendance(group, 1), "psy-durand", marks(mark(anna, PRESENT)))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aPersonMarkedTwiceIs400NamingThem() {
        Roster group = heldGroup(anna, bruno);

        HttpResponse<String> response = put(
                attendance(group, 1),
                "psy-durand",
                marks(mark(anna, PRESENT), mark(bruno, PRESENT), mark(anna, ABSENT)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(type(response)).isEqualTo("urn:maillage:problem:duplicate-marks");
        assertThat(json(response).path("personRefs").get(0).asString()).isEqualTo(anna.personRef());
        assertNothingWritten(group);
    }

    @ParameterizedTest(name = "{0} -> 400")
    @ValueSource(
            strings = {
                "{\"marks\":[]}",
                "{}",
                "{\"marks\":[{\"personRef\":\"%s\",\"mark\":\"LATE\"}]}",
                "{\"marks\":[{\"personRef\":\"%s\"}]}",
                "{\"marks\":[{\"personRef\":\"\",\"mark\":\"PRESENT\"}]}",
                "{\"marks\":[null]}",
                "{\"marks\":[{\"personRef\":\"%s\",\"mark\":\"PRESENT\"}"
            })
    void aMalformedRecordingIs400(String body) {
        Roster group = heldGroup(anna);

        HttpResponse<String> response = put(attendance(group, 1), "psy-durand", body.formatted(anna.personRef()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertNothingWritten(group);
    }

    @Test
    void aSessionNumberThatIsNotANumberIs400() {
        Roster group = heldGroup(anna);

        assertThat(put(
                                "/api/workshops/groups/" + group.groupId() + "/sessions/first/attendance",
                                "psy-durand",
                                marks(mark(anna, PRESENT)))
                        .statusCode())
                .isEqualTo(400);
    }
}
