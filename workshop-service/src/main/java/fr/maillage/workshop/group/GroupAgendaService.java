package fr.maillage.workshop.group;

import fr.maillage.workshop.agenda.AgendaEntry;
import fr.maillage.workshop.agenda.FacilitatorSessions;
import fr.maillage.workshop.schedule.SessionKind;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/** The agenda's port: the sessions a facilitator leads, in every group not cancelled, in time order. */
@Service
class GroupAgendaService implements FacilitatorSessions {

    private final GroupService groups;

    GroupAgendaService(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public List<AgendaEntry> of(String facilitatorId) {
        return groups.ledBy(facilitatorId).stream()
                .flatMap(group -> group.sessions().stream()
                        .filter(session -> session.isLedBy(facilitatorId))
                        .map(session -> new AgendaEntry(
                                session.id(),
                                group.id(),
                                group.programmeId(),
                                group.territory(),
                                rankWithinKind(group, session),
                                countOfKind(group, session.kind()),
                                session.kind(),
                                session.startsAt(),
                                session.endsAt(),
                                session.venue(),
                                session.materials(),
                                session.facilitatorIds())))
                .sorted(Comparator.comparing(AgendaEntry::startsAt, Comparator.<Instant>naturalOrder())
                        .thenComparing(AgendaEntry::sessionId))
                .toList();
    }

    // Counted here, from the group's own calendar: the feed sees only the sessions this facilitator leads.
    private static int rankWithinKind(Group group, Session session) {
        return (int) group.sessions().stream()
                .filter(other -> other.kind() == session.kind() && other.number() <= session.number())
                .count();
    }

    private static int countOfKind(Group group, SessionKind kind) {
        return (int)
                group.sessions().stream().filter(other -> other.kind() == kind).count();
    }
}
