package fr.maillage.meeting.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.meeting.meeting.MeetingKind;
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

class IcsFeedTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant STAMP = Instant.parse("2026-11-24T10:15:30Z");

    private final IcsFeed feed = new IcsFeed();

    private static CalendarEntry entry(
            String id, MeetingKind kind, String title, LocalDateTime parisStart, String venue, boolean cancelled) {
        Instant start = parisStart.atZone(PARIS).toInstant();
        return new CalendarEntry(id, kind, title, start, start.plusSeconds(2 * 3600), venue, cancelled, 3);
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void aMeetingIsOneEventAtParisLocalTimeNamedByItsKindAndTitle() throws Exception {
        CalendarEntry group = entry(
                "m-1",
                MeetingKind.PRACTICE_GROUP,
                "Groupe de décembre",
                LocalDateTime.of(2026, 12, 8, 18, 30),
                "MSP Bièvre, salle 2",
                false);

        Calendar calendar = parse(feed.render(List.of(group), STAMP));

        assertThat(calendar.getProperty(Property.PRODID).map(Property::getValue))
                .contains(IcsFeed.PRODID);
        VEvent event = calendar.<VEvent>getComponents(VEvent.VEVENT).getFirst();
        assertThat(value(event, Property.UID)).isEqualTo("m-1@maillage.fr");
        assertThat(value(event, Property.SUMMARY))
                .isEqualTo("Groupe de travail pluriprofessionnel — Groupe de décembre");
        assertThat(value(event, Property.LOCATION)).isEqualTo("MSP Bièvre, salle 2");
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("3");
        assertThat(value(event, Property.DTSTAMP)).isEqualTo("20261124T101530Z");
        DtStart<Temporal> start = event.getStartDate().orElseThrow();
        assertThat(start.getParameter("TZID").map(Object::toString)).contains("TZID=Europe/Paris");
        assertThat(start.getValue()).isEqualTo("20261208T183000");
        assertThat(ZonedDateTime.from(start.getDate()).toInstant()).isEqualTo(group.startsAt());
        assertThat(value(event, Property.DTEND)).isEqualTo("20261208T203000");
    }

    @Test
    void aCancelledMeetingStaysInTheFeedAsCancelled() throws Exception {
        Calendar calendar = parse(feed.render(
                List.of(entry(
                        "m-2",
                        MeetingKind.STEERING_COMMITTEE,
                        "COPIL T4",
                        LocalDateTime.of(2026, 12, 3, 10, 0),
                        null,
                        true)),
                STAMP));

        VEvent event = calendar.<VEvent>getComponents(VEvent.VEVENT).getFirst();
        assertThat(value(event, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Comité de pilotage — COPIL T4");
        assertThat(value(event, Property.LOCATION)).isNull();
    }

    @Test
    void theFeedIsValidICalendarWithTheParisZoneOnBothSidesOfADaylightSavingChange() throws Exception {
        String ics = feed.render(
                List.of(
                        entry(
                                "b",
                                MeetingKind.SUPERVISION,
                                "Supervision",
                                LocalDateTime.of(2027, 4, 6, 18, 30),
                                "A",
                                false),
                        entry(
                                "a",
                                MeetingKind.CASE_CONFERENCE,
                                "RCP",
                                LocalDateTime.of(2027, 3, 9, 18, 30),
                                "A",
                                false)),
                STAMP);

        Calendar calendar = parse(ics);

        assertThat(calendar.<VTimeZone>getComponents(VTimeZone.VTIMEZONE)).hasSize(1);
        assertThat(calendar.validate().hasErrors())
                .as(calendar.validate().toString())
                .isFalse();
        List<VEvent> events = calendar.getComponents(VEvent.VEVENT);
        assertThat(events)
                .extracting(event -> value(event, Property.UID))
                .containsExactly("a@maillage.fr", "b@maillage.fr");
        assertThat(events)
                .extracting(event -> event.getStartDate().orElseThrow().getValue())
                .containsExactly("20270309T183000", "20270406T183000");
        assertThat(value(events.get(0), Property.SUMMARY))
                .isEqualTo("Réunion de concertation pluriprofessionnelle — RCP");
    }
}
