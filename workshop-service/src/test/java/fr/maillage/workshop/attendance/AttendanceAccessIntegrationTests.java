package fr.maillage.workshop.attendance;

import static fr.maillage.workshop.attendance.Mark.ABSENT;
import static fr.maillage.workshop.attendance.Mark.PRESENT;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.workshop.attendance.SessionRoster.Participant;
import fr.maillage.workshop.attendance.SessionRoster.Roster;
import fr.maillage.workshop.attendance.SessionRoster.RosterSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Role x endpoint, and scope: only the session's facilitators record; out of scope answers 404. */
class AttendanceAccessIntegrationTests extends AttendanceIntegrationSupport {

    private final Participant anna = referred();

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @ParameterizedTest(name = "{0} recording attendance of a session of psy-durand and ide-bernard -> {1}")
    @CsvSource({
        "psy-durand, 200",
        "ide-bernard, 200",
        "dr-martin, 403",
        "coord-bievre, 403",
        "coord-lyon, 403",
        "copil-bievre, 403",
        "admin, 403",
        "partner-epsm, 403"
    })
    void recording(String who, int status) {
        Roster group = heldGroup(anna);

        HttpResponse<String> response = put(attendance(group, 1), who, marks(mark(anna, PRESENT)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (status >= 400) {
            assertProblem(response, status);
            assertThat(mongo.findById(group.groupId(), GroupAttendance.class)).isNull();
        }
    }

    @Test
    void recordingWithoutATokenIs401() {
        Roster group = heldGroup(anna);

        assertThat(put(attendance(group, 1), null, marks(mark(anna, PRESENT))).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aFacilitatorOfAnotherGroupGets404AndLearnsNothing() {
        Roster group = group(
                "RUNNING",
                List.of(PSY_DURAND, OTHER_FACILITATOR),
                clock.instant().minusSeconds(86_400 * 20L),
                anna);

        HttpResponse<String> recording = put(attendance(group, 1), "ide-bernard", marks(mark(anna, PRESENT)));
        HttpResponse<String> reading = get(attendance(group, 1), "ide-bernard");

        assertProblem(recording, 404);
        assertProblem(reading, 404);
        assertThat(recording.body()).doesNotContain(anna.personRef());
        assertThat(mongo.findById(group.groupId(), GroupAttendance.class)).isNull();
        assertThat(put(attendance(group, 1), "psy-durand", marks(mark(anna, PRESENT)))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aSubstituteRecordsTheSessionTheyLeadOnly() {
        Roster pair = group(
                "RUNNING",
                List.of(PSY_DURAND, OTHER_FACILITATOR),
                clock.instant().minusSeconds(86_400 * 20L),
                anna);
        List<RosterSession> sessions = new ArrayList<>(pair.sessions());
        RosterSession second = sessions.get(1);
        sessions.set(
                1,
                new RosterSession(
                        second.number(),
                        second.kind(),
                        second.startsAt(),
                        second.endsAt(),
                        List.of(PSY_DURAND, IDE_BERNARD)));
        Roster group = new Roster(
                pair.groupId(),
                pair.programmeId(),
                pair.programmeInstitution(),
                pair.territory(),
                pair.status(),
                pair.facilitatorIds(),
                sessions,
                pair.participants());
        rosters.put(group);

        assertThat(put(attendance(group, 2), "ide-bernard", marks(mark(anna, ABSENT)))
                        .statusCode())
                .isEqualTo(200);
        assertProblem(put(attendance(group, 1), "ide-bernard", marks(mark(anna, ABSENT))), 404);
    }

    @Test
    void anUnknownGroupOrSessionIs404() {
        Roster group = heldGroup(anna);

        assertProblem(put(attendance(UUID.randomUUID().toString(), 1), "psy-durand", marks(mark(anna, PRESENT))), 404);
        assertProblem(put(attendance(group, SESSIONS + 1), "psy-durand", marks(mark(anna, PRESENT))), 404);
        assertProblem(get(attendance(group, 0), "psy-durand"), 404);
        assertProblem(get(attendance(UUID.randomUUID().toString(), 1), "coord-bievre"), 404);
    }

    @ParameterizedTest(name = "{0} reading the attendance of a bievre session -> {1}")
    @CsvSource({
        "psy-durand, 200",
        "ide-bernard, 200",
        "coord-bievre, 200",
        "admin, 200",
        "coord-lyon, 404",
        "dr-martin, 403",
        "copil-bievre, 403",
        "partner-epsm, 403"
    })
    void reading(String who, int status) {
        Roster group = heldGroup(anna);
        recorded(group, 1, "psy-durand", marks(mark(anna, ABSENT)));

        HttpResponse<String> response = get(attendance(group, 1), who);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (status == 200) {
            assertThat(json(response).path("marks")).singleElement().satisfies(line -> {
                assertThat(line.path("personRef").asString()).isEqualTo(anna.personRef());
                assertThat(line.path("enrolmentId").asString()).isEqualTo(anna.enrolmentId());
                assertThat(line.path("mark").asString()).isEqualTo("ABSENT");
            });
        } else {
            assertProblem(response, status);
            assertThat(response.body()).doesNotContain(anna.personRef());
        }
    }
}
