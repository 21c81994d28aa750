package fr.maillage.workshop.agenda;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import fr.maillage.platform.web.Problems;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A facilitator's agenda as its reader may see it: the facilitator themself and admins every
 * session, a coordinator the sessions of their territories; anyone else is told it does not exist.
 */
@Service
public class AgendaService {

    private final FacilitatorSessions sessions;
    private final IcsFeed feed;
    private final Clock clock;

    AgendaService(FacilitatorSessions sessions, IcsFeed feed, Clock clock) {
        this.sessions = sessions;
        this.feed = feed;
        this.clock = clock;
    }

    /** The iCalendar feed of {@code facilitatorId}'s sessions readable by {@code reader}. */
    public String calendarOf(String facilitatorId, CurrentUser reader) {
        return feed.render(entriesOf(facilitatorId, reader), clock.instant());
    }

    /** The entries {@code reader} may see, 404 when they may see none of this facilitator's agenda. */
    List<AgendaEntry> entriesOf(String facilitatorId, CurrentUser reader) {
        if (facilitatorId.equals(reader.id()) || reader.hasRole(Role.ADMIN)) {
            return sessions.of(facilitatorId);
        }
        if (reader.hasRole(Role.COORDINATOR)) {
            return sessions.of(facilitatorId).stream()
                    .filter(entry -> reader.coversTerritory(entry.territory()))
                    .toList();
        }
        throw Problems.notFound("facilitator agenda", facilitatorId);
    }
}
