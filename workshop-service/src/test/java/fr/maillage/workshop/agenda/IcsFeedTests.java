package fr.maillage.workshop.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.workshop.schedule.SessionKind;
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
    private static final Instant STAMP = Instant.parse("2026-11-23T10:15:30Z");
    private static final String PSY = "psy-1";
    private static final String IDE = "ide-1";

    private final IcsFeed feed = new IcsFeed();

    /**
     * An entry of a group of 8 sessions alternating with 7 individual slots: {@code number} counts
     * within its kind, of 8 group sessions or of 7 individual slots.
     */
    private static AgendaEntry entry(
            String sessionId,
            int number,
            SessionKind kind,
            LocalDateTime parisStart,
            String venue,
            List<String> materials) {
        Instant start = parisStart.atZone(PARIS).toInstant();
        return new AgendaEntry(
                sessionId,
                "group-1",
                "programme-1",
                "bievre",
                number,
                kind == SessionKind.INDIVIDUAL ? 7 : 8,
                kind,
                start,
                start.plusSeconds(2 * 3600),
                venue,
                materials,
                List.of(PSY, IDE));
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents(VEvent.VEVENT);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void aFeedParsesBackWithOneEventPerSessionAtParisLocalTime() throws Exception {
        AgendaEntry third = entry(
                "s-5",
                3,
                SessionKind.GROUP,
                LocalDateTime.of(2026, 12, 15, 14, 0),
                "Salle des Tilleuls, MSP Bièvre",
                List.of("livres", "matériel de dessin", "collation"));

        Calendar calendar = parse(feed.render(List.of(third), STAMP));

        assertThat(calendar.getProperty(Property.PRODID).map(Property::getValue))
                .contains("-//Maillage//Workshops//FR");
        assertThat(calendar.getProperty(Property.VERSION).map(Property::getValue))
                .contains("2.0");
        VEvent event = events(calendar).getFirst();
        assertThat(value(event, Property.UID)).isEqualTo("s-5@maillage.fr");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Atelier collectif — séance 3/8");
        assertThat(value(event, Property.LOCATION)).isEqualTo("Salle des Tilleuls, MSP Bièvre");
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo("Matériel : livres, matériel de dessin, collation");
        assertThat(value(event, Property.DTSTAMP)).isEqualTo("20261123T101530Z");
        DtStart<Temporal> start = event.getStartDate().orElseThrow();
        assertThat(start.getParameter("TZID").map(Object::toString)).contains("TZID=Europe/Paris");
        assertThat(start.getValue()).isEqualTo("20261215T140000");
        assertThat(ZonedDateTime.from(start.getDate()).toInstant()).isEqualTo(third.startsAt());
        assertThat(value(event, Property.DTEND)).isEqualTo("20261215T160000");
    }

    @Test
    void theFeedCarriesTheParisTimeZoneAndIsValidICalendar() throws Exception {
        String ics = feed.render(
                List.of(
                        entry("s-1", 1, SessionKind.GROUP, LocalDateTime.of(2026, 3, 19, 14, 0), "Salle A", List.of()),
                        entry("s-2", 1, SessionKind.INDIVIDUAL, LocalDateTime.of(2026, 3, 26, 14, 0), "Salle A", null),
                        entry(
                                "s-3",
                                2,
                                SessionKind.GROUP,
                                LocalDateTime.of(2026, 4, 2, 14, 0),
                                null,
                                List.of("collation"))),
                STAMP);

        Calendar calendar = parse(ics);

        assertThat(calendar.<VTimeZone>getComponents(VTimeZone.VTIMEZONE))
                .singleElement()
                .satisfies(zone -> assertThat(zone.getProperty(Property.TZID).map(Property::getValue))
                        .contains("Europe/Paris"));
        assertThat(calendar.validate().hasErrors())
                .as(calendar.validate().toString())
                .isFalse();
        assertThat(ics).contains("\r\n").startsWith("BEGIN:VCALENDAR");
    }

    @Test
    void sessionsKeepTheirLocalHourAcrossTheSpringDaylightSavingChange() throws Exception {
        // 2026-03-29: Paris moves from UTC+1 to UTC+2; both sessions are at 14:00 on the wall clock.
        AgendaEntry before = entry("s-1", 1, SessionKind.GROUP, LocalDateTime.of(2026, 3, 26, 14, 0), "A", null);
        AgendaEntry after = entry("s-3", 2, SessionKind.GROUP, LocalDateTime.of(2026, 4, 2, 14, 0), "A", null);

        List<VEvent> events = events(parse(feed.render(List.of(after, before), STAMP)));

        assertThat(events)
                .extracting(event -> value(event, Property.DTSTART))
                .containsExactly("20260326T140000", "20260402T140000");
        assertThat(events)
                .extracting(event -> ZonedDateTime.from(
                                event.getStartDate().orElseThrow().getDate())
                        .toInstant())
                .containsExactly(Instant.parse("2026-03-26T13:00:00Z"), Instant.parse("2026-04-02T12:00:00Z"));
    }

    @Test
    void groupSessionsAndIndividualSlotsAreCountedWithinTheirKind() throws Exception {
        AgendaEntry secondGroup = entry("s-3", 2, SessionKind.GROUP, LocalDateTime.of(2026, 12, 1, 14, 0), "A", null);
        AgendaEntry secondIndividual =
                entry("s-4", 2, SessionKind.INDIVIDUAL, LocalDateTime.of(2026, 12, 8, 14, 0), "A", null);
        AgendaEntry lastGroup = entry("s-15", 8, SessionKind.GROUP, LocalDateTime.of(2027, 3, 2, 14, 0), "A", null);
        AgendaEntry notAlternating = new AgendaEntry(
                "t-3",
                "group-2",
                "programme-1",
                "bievre",
                3,
                9,
                SessionKind.GROUP,
                STAMP,
                STAMP.plusSeconds(3600),
                "B",
                List.of(),
                List.of(PSY, IDE));

        List<VEvent> events =
                events(parse(feed.render(List.of(lastGroup, secondIndividual, notAlternating, secondGroup), STAMP)));

        assertThat(events)
                .extracting(event -> value(event, Property.SUMMARY))
                .containsExactly(
                        "Atelier collectif — séance 3/9",
                        "Atelier collectif — séance 2/8",
                        "Suivi individuel — 2/7",
                        "Atelier collectif — séance 8/8");
    }

    @Test
    void anEntryAloneInTheFeedKeepsItsOwnCount() {
        // A substitute leading one group session: no other entry of its group, nothing to infer from.
        AgendaEntry onlyGroupSession =
                entry("s-5", 3, SessionKind.GROUP, LocalDateTime.of(2026, 12, 15, 14, 0), "A", null);
        AgendaEntry onlyIndividual =
                entry("s-6", 3, SessionKind.INDIVIDUAL, LocalDateTime.of(2026, 12, 22, 14, 0), "A", null);

        assertThat(IcsFeed.summary(onlyGroupSession)).isEqualTo("Atelier collectif — séance 3/8");
        assertThat(IcsFeed.summary(onlyIndividual)).isEqualTo("Suivi individuel — 3/7");
    }

    @Test
    void anEmptyAgendaIsStillAValidCalendar() throws Exception {
        Calendar calendar = parse(feed.render(List.of(), STAMP));

        assertThat(events(calendar)).isEmpty();
        assertThat(calendar.validate().hasErrors()).isFalse();
    }

    @Test
    void nothingButTheSessionIsShown() {
        String ics = feed.render(
                List.of(entry(
                        "s-1", 1, SessionKind.GROUP, LocalDateTime.of(2026, 12, 1, 14, 0), "A", List.of("livres"))),
                STAMP);

        // Neither the facilitators' ids nor the group's or programme's: what a shared calendar may show.
        assertThat(ics)
                .doesNotContain(PSY)
                .doesNotContain(IDE)
                .doesNotContain("group-1")
                .doesNotContain("programme-1");
    }
}
