package fr.maillage.workshop.attendance;

import fr.maillage.workshop.schedule.SessionKind;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The marks of one session, by enrolment id (never a person: erasing the enrolment in the group is
 * enough to anonymise them).
 *
 * @param number the session's number in the group's calendar (group sessions and individual slots)
 * @param kind group session or individual slot
 * @param startsAt when it started (orders the sessions for the disengagement rule)
 * @param revision 1 at the first recording, +1 at each correction
 * @param marks enrolmentId -> mark
 * @param recordedAt the latest recording
 */
public record SessionAttendance(
        int number, SessionKind kind, Instant startsAt, int revision, Map<String, Mark> marks, Instant recordedAt) {

    public SessionAttendance {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startsAt, "startsAt");
        marks = marks == null ? Map.of() : Map.copyOf(marks);
    }

    public int count(Mark mark) {
        return (int) marks.values().stream().filter(mark::equals).count();
    }
}
