package fr.maillage.platform.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * An iCalendar (RFC 5545) feed, written as text: PRODID, VERSION 2.0, CALSCALE GREGORIAN, the
 * VTIMEZONE of one zone, then one VEVENT per {@link #event event} in the order they were added, at
 * local time in that zone (so a client keeps the wall-clock hour on both sides of a daylight-saving
 * change). The service decides which events, in what order, and what they say.
 *
 * <pre>{@code
 * IcsCalendar feed = IcsCalendar.of("-//Maillage//Meetings//FR", ZoneId.of("Europe/Paris"));
 * feed.event("m-1@maillage.fr", startsAt, endsAt, "Comité de pilotage — COPIL T4")
 *         .sequence(3)
 *         .status(IcsCalendar.Status.CONFIRMED)
 *         .location(venue);
 * String ics = feed.render(clock.instant());
 * }</pre>
 *
 * <p>Needs {@code org.mnode.ical4j:ical4j} on the classpath (an optional dependency of the kit: a
 * service that serves feeds declares it), and an {@code ical4j.properties} that keeps time zones to
 * the definitions in the ical4j jar ({@code net.fortuna.ical4j.timezone.update.enabled=false}).
 * Not thread-safe: build one per feed.
 */
public final class IcsCalendar {

    /** The STATUS of an event; a cancelled one stays in the feed so clients remove it. */
    public enum Status {
        TENTATIVE,
        CONFIRMED,
        CANCELLED;

        private Property property() {
            return switch (this) {
                case TENTATIVE -> ImmutableStatus.VEVENT_TENTATIVE;
                case CONFIRMED -> ImmutableStatus.VEVENT_CONFIRMED;
                case CANCELLED -> ImmutableStatus.VEVENT_CANCELLED;
            };
        }
    }

    private final String prodId;
    private final ZoneId zone;
    private final List<Event> events = new ArrayList<>();

    private IcsCalendar(String prodId, ZoneId zone) {
        this.prodId = Objects.requireNonNull(prodId, "prodId");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * @param prodId the feed's PRODID, e.g. {@code -//Maillage//Workshops//FR}
     * @param zone the zone of every event's DTSTART/DTEND, whose VTIMEZONE the feed carries
     */
    public static IcsCalendar of(String prodId, ZoneId zone) {
        return new IcsCalendar(prodId, zone);
    }

    /**
     * Adds an event; set its optional properties on what this returns.
     *
     * @param uid stable across feeds (e.g. {@code <id>@maillage.fr}), so clients update it in place
     */
    public Event event(String uid, Instant start, Instant end, String summary) {
        Event event = new Event(
                Objects.requireNonNull(uid, "uid"),
                Objects.requireNonNull(start, "start"),
                Objects.requireNonNull(end, "end"),
                Objects.requireNonNull(summary, "summary"));
        events.add(event);
        return event;
    }

    /**
     * The feed as text (CRLF line endings, folded lines).
     *
     * @param stamp when the feed is produced: the DTSTAMP of every event
     */
    public String render(Instant stamp) {
        Calendar calendar = new Calendar()
                .withProdId(prodId)
                .withProperty(ImmutableVersion.VERSION_2_0)
                .withProperty(ImmutableCalScale.GREGORIAN)
                // A copy per feed: a component belongs to one calendar.
                .withComponent(TimeZones.REGISTRY
                        .getTimeZone(zone.getId())
                        .getVTimeZone()
                        .copy())
                .getFluentTarget();
        events.forEach(event -> calendar.add(event.toVEvent(zone, stamp)));
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

    /**
     * One VEVENT: DTSTART, DTEND, SUMMARY, DTSTAMP, UID, then the optional properties in the order
     * they were set.
     */
    public static final class Event {

        private final String uid;
        private final Instant start;
        private final Instant end;
        private final String summary;
        // Built at render time, so that each rendered calendar has its own property objects.
        private final List<Supplier<Property>> properties = new ArrayList<>();

        private Event(String uid, Instant start, Instant end, String summary) {
            this.uid = uid;
            this.start = start;
            this.end = end;
            this.summary = summary;
        }

        /** LOCATION; left out when null or blank. */
        public Event location(String location) {
            if (location != null && !location.isBlank()) {
                properties.add(() -> new Location(location));
            }
            return this;
        }

        /** DESCRIPTION; left out when null or blank. */
        public Event description(String description) {
            if (description != null && !description.isBlank()) {
                properties.add(() -> new Description(description));
            }
            return this;
        }

        /** STATUS. */
        public Event status(Status status) {
            Objects.requireNonNull(status, "status");
            properties.add(status::property);
            return this;
        }

        /** SEQUENCE: raise it when the event changes, so clients take the new version. */
        public Event sequence(int sequence) {
            properties.add(() -> new Sequence(sequence));
            return this;
        }

        private VEvent toVEvent(ZoneId zone, Instant stamp) {
            VEvent event = new VEvent(start.atZone(zone), end.atZone(zone), summary);
            // The constructor stamps "now"; the feed's stamp comes from the service's clock.
            event.replace(new DtStamp(stamp));
            event.add(new Uid(uid));
            properties.forEach(property -> event.add(property.get()));
            return event;
        }
    }

    /** Loaded on first use; ical4j's registry reads a zone's definition once, then serves it from its cache. */
    private static final class TimeZones {
        static final TimeZoneRegistry REGISTRY =
                TimeZoneRegistryFactory.getInstance().createRegistry();
    }
}
