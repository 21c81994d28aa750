package fr.maillage.workshop.agenda;

import fr.maillage.platform.calendar.IcsCalendar;
import fr.maillage.workshop.schedule.SessionCalendar;
import fr.maillage.workshop.schedule.SessionKind;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Renders a facilitator's sessions as an iCalendar (RFC 5545) feed: one VEVENT per session, at
 * Paris local time with the Europe/Paris VTIMEZONE, so any calendar client shows them at the right
 * hour on both sides of a daylight-saving change. What, when, where and with what; never who among
 * the participants.
 */
public final class IcsFeed {

    public static final String PRODID = "-//Maillage//Workshops//FR";

    /** The host part of every UID: a session keeps its UID across feeds, so clients update it in place. */
    static final String UID_DOMAIN = "maillage.fr";

    /**
     * @param entries the sessions to show (any order)
     * @param stamp when the feed is produced (DTSTAMP of every event)
     */
    public String render(List<AgendaEntry> entries, Instant stamp) {
        IcsCalendar calendar = IcsCalendar.of(PRODID, SessionCalendar.PARIS);
        entries.stream()
                .sorted(Comparator.comparing(AgendaEntry::startsAt).thenComparing(AgendaEntry::sessionId))
                .forEach(entry -> calendar.event(
                                entry.sessionId() + "@" + UID_DOMAIN, entry.startsAt(), entry.endsAt(), summary(entry))
                        .location(entry.venue())
                        .description(materials(entry.materials())));
        return calendar.render(stamp);
    }

    /** {@code Matériel : livres, collation}; nothing when the session needs nothing. */
    private static String materials(List<String> materials) {
        return materials == null || materials.isEmpty() ? null : "Matériel : " + String.join(", ", materials);
    }

    /**
     * {@code Atelier collectif — séance 3/8} or {@code Suivi individuel — 2/7}: the entry counts
     * within its kind, so a group's individual slots never shift its sessions' numbers.
     */
    static String summary(AgendaEntry entry) {
        return entry.kind() == SessionKind.INDIVIDUAL
                ? "Suivi individuel — " + entry.number() + "/" + entry.ofKind()
                : "Atelier collectif — séance " + entry.number() + "/" + entry.ofKind();
    }
}
