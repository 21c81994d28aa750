package fr.maillage.workshop.agenda;

import fr.maillage.workshop.schedule.SessionCalendar;
import fr.maillage.workshop.schedule.SessionKind;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

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

    private final TimeZoneRegistry timeZones =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    /**
     * @param entries the sessions to show (any order)
     * @param stamp when the feed is produced (DTSTAMP of every event)
     * @param groupAlternates whether an entry's group alternates individual slots with its sessions,
     *     asked only when the entries themselves do not tell (see {@link #alternates})
     */
    public String render(List<AgendaEntry> entries, Instant stamp, Predicate<AgendaEntry> groupAlternates) {
        Calendar calendar = new Calendar()
                .withProdId(PRODID)
                .withProperty(ImmutableVersion.VERSION_2_0)
                .withProperty(ImmutableCalScale.GREGORIAN)
                .withComponent(paris())
                .getFluentTarget();
        Map<String, List<AgendaEntry>> byGroup = entries.stream().collect(Collectors.groupingBy(AgendaEntry::groupId));
        entries.stream()
                .sorted(Comparator.comparing(AgendaEntry::startsAt).thenComparing(AgendaEntry::sessionId))
                .map(entry -> event(entry, alternates(entry, byGroup.get(entry.groupId()), groupAlternates), stamp))
                .forEach(calendar::add);
        StringWriter ics = new StringWriter();
        try {
            // Not validating on output: a feed is better served than refused; the tests validate it.
            new CalendarOutputter(false).output(calendar, ics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("Invalid iCalendar feed", e);
        }
        return ics.toString();
    }

    private VEvent event(AgendaEntry entry, boolean alternating, Instant stamp) {
        VEvent event = new VEvent(
                entry.startsAt().atZone(SessionCalendar.PARIS),
                entry.endsAt().atZone(SessionCalendar.PARIS),
                summary(entry, alternating));
        // The constructor stamps "now"; the feed's stamp comes from the service's clock.
        event.replace(new DtStamp(stamp));
        event.add(new Uid(entry.sessionId() + "@" + UID_DOMAIN));
        if (entry.venue() != null && !entry.venue().isBlank()) {
            event.add(new Location(entry.venue()));
        }
        if (entry.materials() != null && !entry.materials().isEmpty()) {
            event.add(new Description("Matériel : " + String.join(", ", entry.materials())));
        }
        return event;
    }

    /**
     * {@code Atelier collectif — séance 3/8} or {@code Suivi individuel — 2/7}: counted within the
     * session's kind. An entry's {@code number} and {@code entryCount} count every entry of the
     * group's calendar; with alternation (GROUP, INDIVIDUAL, …, GROUP: 2n-1 entries) the group
     * sessions are the odd entries and the individual slots the even ones.
     *
     * @param alternating whether the entry's group alternates individual slots with its sessions
     */
    static String summary(AgendaEntry entry, boolean alternating) {
        if (entry.kind() == SessionKind.INDIVIDUAL) {
            return "Suivi individuel — " + (entry.number() / 2) + "/" + (entry.entryCount() / 2);
        }
        return alternating
                ? "Atelier collectif — séance " + ((entry.number() + 1) / 2) + "/" + ((entry.entryCount() + 1) / 2)
                : "Atelier collectif — séance " + entry.number() + "/" + entry.entryCount();
    }

    /**
     * Whether the entry's group alternates, which {@link AgendaEntry} does not say. The entries of
     * its group in this feed tell when one is an individual slot (yes), or when the calendar cannot
     * be an alternating one: an even number of entries (alternation makes 2n-1) or a group session
     * at an even place. Otherwise (a facilitator who leads only some group sessions, a substitute)
     * {@code otherwise} decides.
     */
    static boolean alternates(AgendaEntry entry, List<AgendaEntry> sameGroup, Predicate<AgendaEntry> otherwise) {
        if (sameGroup.stream().anyMatch(other -> other.kind() == SessionKind.INDIVIDUAL)) {
            return true;
        }
        if (entry.entryCount() % 2 == 0 || sameGroup.stream().anyMatch(other -> other.number() % 2 == 0)) {
            return false;
        }
        return otherwise.test(entry);
    }

    private VTimeZone paris() {
        // A copy per feed: a component belongs to one calendar.
        return timeZones
                .getTimeZone(SessionCalendar.PARIS.getId())
                .getVTimeZone()
                .copy();
    }
}
