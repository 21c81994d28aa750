package fr.maillage.workshop.agenda;

import fr.maillage.workshop.schedule.SessionCalendar;
import fr.maillage.workshop.schedule.SessionKind;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
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
     */
    public String render(List<AgendaEntry> entries, Instant stamp) {
        Calendar calendar = new Calendar()
                .withProdId(PRODID)
                .withProperty(ImmutableVersion.VERSION_2_0)
                .withProperty(ImmutableCalScale.GREGORIAN)
                .withComponent(paris())
                .getFluentTarget();
        entries.stream()
                .sorted(Comparator.comparing(AgendaEntry::startsAt).thenComparing(AgendaEntry::sessionId))
                .map(entry -> event(entry, stamp))
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

    private VEvent event(AgendaEntry entry, Instant stamp) {
        VEvent event = new VEvent(
                entry.startsAt().atZone(SessionCalendar.PARIS),
                entry.endsAt().atZone(SessionCalendar.PARIS),
                summary(entry));
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
     * {@code Atelier collectif — séance 3/8} or {@code Suivi individuel — 2/7}: the entry counts
     * within its kind, so a group's individual slots never shift its sessions' numbers.
     */
    static String summary(AgendaEntry entry) {
        return entry.kind() == SessionKind.INDIVIDUAL
                ? "Suivi individuel — " + entry.number() + "/" + entry.ofKind()
                : "Atelier collectif — séance " + entry.number() + "/" + entry.ofKind();
    }

    private VTimeZone paris() {
        // A copy per feed: a component belongs to one calendar.
        return timeZones
                .getTimeZone(SessionCalendar.PARIS.getId())
                .getVTimeZone()
                .copy();
    }
}
