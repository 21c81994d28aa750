package fr.maillage.workshop.attendance;

import fr.maillage.workshop.schedule.SessionKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What attendance needs to know of a group (the groups keep it): its sessions and who takes part. */
public interface SessionRoster {

    Optional<Roster> of(String groupId);

    /**
     * @param status the group's status name (PLANNED, OPEN, RUNNING, COMPLETED, CANCELLED)
     * @param facilitatorIds the group's pair of facilitators
     * @param participants the CONFIRMED (or already COMPLETED / NOT_COMPLETED) enrolments with a person
     */
    record Roster(
            String groupId,
            String programmeId,
            String programmeInstitution,
            String territory,
            String status,
            List<String> facilitatorIds,
            List<RosterSession> sessions,
            List<Participant> participants) {}

    record RosterSession(int number, SessionKind kind, Instant startsAt, Instant endsAt, List<String> facilitatorIds) {}

    /** @param referralId null when a coordinator enrolled the person directly */
    record Participant(String enrolmentId, String personRef, String referralId, String referrerInstitution) {}
}
