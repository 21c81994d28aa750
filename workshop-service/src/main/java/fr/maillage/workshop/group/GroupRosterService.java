package fr.maillage.workshop.group;

import fr.maillage.workshop.attendance.SessionRoster;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Attendance's port: a group's sessions and its participants (confirmed, or concluded after the end),
 * those erased from the registry left out (nobody to record).
 */
@Service
class GroupRosterService implements SessionRoster {

    private final GroupService groups;

    GroupRosterService(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public Optional<Roster> of(String groupId) {
        return groups.get(groupId).map(GroupRosterService::roster);
    }

    static Roster roster(Group group) {
        return new Roster(
                group.id(),
                group.programmeId(),
                group.programmeInstitution(),
                group.territory(),
                group.status().name(),
                group.facilitatorIds(),
                group.sessions().stream()
                        .map(session -> new RosterSession(
                                session.number(),
                                session.kind(),
                                session.startsAt(),
                                session.endsAt(),
                                session.facilitatorIds()))
                        .toList(),
                group.enrolments().stream()
                        .filter(enrolment -> enrolment.isParticipant() && enrolment.personRef() != null)
                        .map(enrolment -> new Participant(
                                enrolment.id(),
                                enrolment.personRef(),
                                enrolment.referralId(),
                                enrolment.referrerInstitution()))
                        .toList());
    }
}
