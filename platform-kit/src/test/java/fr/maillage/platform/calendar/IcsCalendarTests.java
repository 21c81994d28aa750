package fr.maillage.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

class IcsCalendarTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String PRODID = "-//Maillage//Tests//FR";
    private static final Instant STAMP = Instant.parse("2026-11-23T10:15:30Z");

    private static Instant paris(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(PARIS).toInstant();
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    /** The feed's events, parsed back as a calendar client would. */
    private static List<VEvent> eventsOf(String ics) throws Exception {
        return parse(ics).getComponents(VEvent.VEVENT);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void anEventParsesBackWithItsPropertiesInAFixedOrderAtLocalTimeInTheZone() throws Exception {
        Instant start = paris(2027, 1, 12, 9, 30);
        IcsCalendar feed = IcsCalendar.of(PRODID, PARIS);
        feed.event("e-7@example.org", start, start.plusSeconds(90 * 60), "Réunion d'équipe")
                .sequence(2)
                .status(IcsCalendar.Status.TENTATIVE)
                .location("Bureau 4, 1er étage")
                .description("Ordre du jour; à compléter");

        Calendar calendar = parse(feed.render(STAMP));

        assertThat(calendar.<Property>getProperties())
                .extracting(Property::getName, Property::getValue)
                .containsExactly(tuple("PRODID", PRODID), tuple("VERSION", "2.0"), tuple("CALSCALE", "GREGORIAN"));
        VEvent event = calendar.<VEvent>getComponents(VEvent.VEVENT).getFirst();
        // The order ical4j gives the constructor's properties, then the optional ones in the order set.
        assertThat(event.<Property>getProperties())
                .extracting(Property::getName, Property::getValue)
                .containsExactly(
                        tuple("DTSTART", "20270112T093000"),
                        tuple("DTEND", "20270112T110000"),
                        tuple("SUMMARY", "Réunion d'équipe"),
                        tuple("DTSTAMP", "20261123T101530Z"),
                        tuple("UID", "e-7@example.org"),
                        tuple("SEQUENCE", "2"),
                        tuple("STATUS", "TENTATIVE"),
                        tuple("LOCATION", "Bureau 4, 1er étage"),
                        tuple("DESCRIPTION", "Ordre du jour; à compléter"));
        DtStart<Temporal> dtStart = event.getStartDate().orElseThrow();
        assertThat(dtStart.getParameter("TZID").map(Object::toString)).contains("TZID=Europe/Paris");
        assertThat(ZonedDateTime.from(dtStart.getDate()).toInstant()).isEqualTo(start);
    }

    @Test
    void theZoneIsCarriedOnceAndEventsKeepTheirWallClockHourAcrossItsDaylightSavingChange() throws Exception {
        // Not only Paris: 2026-11-01, New York falls back from UTC-4 to UTC-5; both events at 08:00 there.
        ZoneId newYork = ZoneId.of("America/New_York");
        Instant before = LocalDateTime.of(2026, 10, 29, 8, 0).atZone(newYork).toInstant();
        Instant after = LocalDateTime.of(2026, 11, 5, 8, 0).atZone(newYork).toInstant();
        IcsCalendar feed = IcsCalendar.of(PRODID, newYork);
        feed.event("before@example.org", before, before.plusSeconds(3600), "Before");
        feed.event("after@example.org", after, after.plusSeconds(3600), "After").status(IcsCalendar.Status.CANCELLED);

        String ics = feed.render(STAMP);
        Calendar calendar = parse(ics);

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n");
        assertThat(calendar.validate().hasErrors())
                .as(calendar.validate().toString())
                .isFalse();
        assertThat(calendar.<VTimeZone>getComponents(VTimeZone.VTIMEZONE))
                .extracting(zone ->
                        zone.getProperty(Property.TZID).map(Property::getValue).orElseThrow())
                .containsExactly("America/New_York");
        List<VEvent> events = calendar.getComponents(VEvent.VEVENT);
        List<DtStart<Temporal>> starts = events.stream()
                .map(event -> event.<Temporal>getStartDate().orElseThrow())
                .toList();
        assertThat(starts)
                .allSatisfy(start -> assertThat(start.getParameter("TZID").map(Object::toString))
                        .contains("TZID=America/New_York"));
        assertThat(starts).extracting(DtStart::getValue).containsExactly("20261029T080000", "20261105T080000");
        assertThat(starts)
                .extracting(start -> ZonedDateTime.from(start.getDate()).toInstant())
                .containsExactly(Instant.parse("2026-10-29T12:00:00Z"), Instant.parse("2026-11-05T13:00:00Z"));
        assertThat(events).extracting(event -> value(event, Property.STATUS)).containsExactly(null, "CANCELLED");
    }

    @Test
    void eventsKeepTheOrderTheyWereAddedIn() throws Exception {
        Instant late = paris(2027, 1, 5, 9, 0);
        Instant early = paris(2026, 12, 1, 9, 0);
        IcsCalendar feed = IcsCalendar.of(PRODID, PARIS);
        feed.event("late@maillage.fr", late, late.plusSeconds(3600), "Late");
        feed.event("early@maillage.fr", early, early.plusSeconds(3600), "Early");

        assertThat(eventsOf(feed.render(STAMP)))
                .extracting(event -> value(event, Property.UID))
                .containsExactly("late@maillage.fr", "early@maillage.fr");
    }

    @Test
    void aBlankLocationOrDescriptionIsLeftOut() throws Exception {
        Instant start = paris(2026, 12, 1, 9, 0);
        IcsCalendar feed = IcsCalendar.of(PRODID, PARIS);
        feed.event("x@maillage.fr", start, start.plusSeconds(3600), "X")
                .location(" ")
                .description(null);
        feed.event("y@maillage.fr", start, start.plusSeconds(3600), "Y")
                .location(null)
                .description("");

        assertThat(eventsOf(feed.render(STAMP))).allSatisfy(event -> {
            assertThat(event.getProperty(Property.LOCATION)).isEmpty();
            assertThat(event.getProperty(Property.DESCRIPTION)).isEmpty();
        });
    }

    @Test
    void renderingTwiceGivesTheSameFeedWithEachItsOwnStamp() throws Exception {
        Instant start = paris(2026, 12, 1, 9, 0);
        IcsCalendar feed = IcsCalendar.of(PRODID, PARIS);
        feed.event("x@maillage.fr", start, start.plusSeconds(3600), "X").sequence(1);

        String first = feed.render(STAMP);
        String later = feed.render(STAMP.plusSeconds(60));

        assertThat(later).isEqualTo(first.replace("DTSTAMP:20261123T101530Z", "DTSTAMP:20261123T101630Z"));
        assertThat(value(eventsOf(later).getFirst(), Property.SEQUENCE)).isEqualTo("1");
    }

    @Test
    void anEmptyFeedIsStillAValidCalendar() throws Exception {
        Calendar calendar = parse(IcsCalendar.of(PRODID, PARIS).render(STAMP));

        assertThat(calendar.<VEvent>getComponents(VEvent.VEVENT)).isEmpty();
        assertThat(calendar.<VTimeZone>getComponents(VTimeZone.VTIMEZONE)).hasSize(1);
        assertThat(calendar.validate().hasErrors()).isFalse();
    }
}
