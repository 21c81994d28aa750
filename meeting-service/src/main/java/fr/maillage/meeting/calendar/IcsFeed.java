package fr.maillage.meeting.calendar;

import fr.maillage.meeting.meeting.MeetingKind;
import fr.maillage.meeting.meeting.ParisTime;
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
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Renders a participant's meetings as an iCalendar (RFC 5545) feed: one VEVENT per meeting at Paris
 * local time with the Europe/Paris VTIMEZONE, so any client shows it at the right hour on both sides of
 * a daylight-saving change; a cancelled meeting stays, STATUS:CANCELLED, so clients remove it. The
 * summary says the kind and the title, never a person: the agenda is not in the feed.
 */
public final class IcsFeed {

    public static final String PRODID = "-//Maillage//Meetings//FR";

    /** The host part of every UID: a meeting keeps its UID across feeds, so clients update it in place. */
    static final String UID_DOMAIN = "maillage.fr";

    private final TimeZoneRegistry timeZones =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    /**
     * @param entries the meetings to show (any order)
     * @param stamp when the feed is produced (DTSTAMP of every event)
     */
    public String render(List<CalendarEntry> entries, Instant stamp) {
        Calendar calendar = new Calendar()
                .withProdId(PRODID)
                .withProperty(ImmutableVersion.VERSION_2_0)
                .withProperty(ImmutableCalScale.GREGORIAN)
                .withComponent(paris())
                .getFluentTarget();
        entries.stream()
                .sorted(Comparator.comparing(CalendarEntry::startsAt).thenComparing(CalendarEntry::meetingId))
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

    private VEvent event(CalendarEntry entry, Instant stamp) {
        VEvent event = new VEvent(
                entry.startsAt().atZone(ParisTime.PARIS), entry.endsAt().atZone(ParisTime.PARIS), summary(entry));
        // The constructor stamps "now"; the feed's stamp comes from the service's clock.
        event.replace(new DtStamp(stamp));
        event.add(new Uid(entry.meetingId() + "@" + UID_DOMAIN));
        event.add(new Sequence(entry.sequence()));
        event.add(entry.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        if (entry.venue() != null && !entry.venue().isBlank()) {
            event.add(new Location(entry.venue()));
        }
        return event;
    }

    /** {@code Comité de pilotage — COPIL T4}: the kind in French, then the meeting's short title. */
    static String summary(CalendarEntry entry) {
        return label(entry.kind()) + " — " + entry.title();
    }

    static String label(MeetingKind kind) {
        return switch (kind) {
            case PRACTICE_GROUP -> "Groupe de travail pluriprofessionnel";
            case CASE_CONFERENCE -> "Réunion de concertation pluriprofessionnelle";
            case STEERING_COMMITTEE -> "Comité de pilotage";
            case SUPERVISION -> "Supervision";
        };
    }

    private VTimeZone paris() {
        // A copy per feed: a component belongs to one calendar.
        return timeZones.getTimeZone(ParisTime.PARIS.getId()).getVTimeZone().copy();
    }
}
