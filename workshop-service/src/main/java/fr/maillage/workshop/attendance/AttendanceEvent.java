package fr.maillage.workshop.attendance;

import fr.maillage.workshop.schedule.SessionKind;
import java.time.Instant;

/** What a recording of attendance causes; {@link AttendanceMessages} turns them into integration events. */
public sealed interface AttendanceEvent {

    /** A session's attendance was recorded or corrected: counts only. */
    record SessionHeld(
            String groupId,
            String programmeId,
            String programmeInstitution,
            String territory,
            int sessionNumber,
            SessionKind kind,
            Instant startsAt,
            int enrolled,
            int present,
            int excused,
            int absent,
            int revision,
            Instant recordedAt)
            implements AttendanceEvent {}

    /** A participant opened a disengagement episode; the person is taken from the roster at recording time. */
    record ParticipantDisengaged(
            String groupId,
            String programmeId,
            String programmeInstitution,
            String territory,
            String enrolmentId,
            String referralId,
            String personRef,
            String referrerInstitution,
            int episode,
            int consecutiveAbsences,
            Instant disengagedAt)
            implements AttendanceEvent {}
}
