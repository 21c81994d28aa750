package fr.maillage.workshop.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.testing.ServiceHttp;
import fr.maillage.workshop.WorkshopIntegrationSupport;
import fr.maillage.workshop.agenda.InMemoryFacilitatorSessionsTestConfiguration.InMemoryFacilitatorSessions;
import fr.maillage.workshop.schedule.SessionCalendar;
import fr.maillage.workshop.schedule.SessionKind;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The facilitators' iCalendar feed over HTTP, on the real infrastructure, with the sessions given
 * by {@link InMemoryFacilitatorSessionsTestConfiguration}: who reads whose sessions, and that the
 * answer is a calendar any client parses.
 */
@Import(InMemoryFacilitatorSessionsTestConfiguration.class)
// The fake makes a Spring context of its own: it must not join the workshop-service consumer group
// (it would take partitions from the shared context), and must not outlive this class with its
// schedulers running on a clock the other classes do not move.
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")
@DirtiesContext
class FacilitatorCalendarIntegrationTests extends WorkshopIntegrationSupport {

    @Autowired
    InMemoryFacilitatorSessions sessions;

    private final String bievreFirst = UUID.randomUUID().toString();
    private final String bievreSecond = UUID.randomUUID().toString();
    private final String lyonSession = UUID.randomUUID().toString();

    private static AgendaEntry entry(
            String sessionId,
            String groupId,
            String territory,
            int number,
            SessionKind kind,
            LocalDateTime parisStart,
            String venue) {
        Instant start = parisStart.atZone(SessionCalendar.PARIS).toInstant();
        return new AgendaEntry(
                sessionId,
                groupId,
                "programme-" + groupId,
                territory,
                number,
                // A group of 8 sessions alternating with 7 individual slots.
                kind == SessionKind.INDIVIDUAL ? 7 : 8,
                kind,
                start,
                start.plus(Duration.ofHours(2)),
                venue,
                List.of("livres", "collation"),
                List.of(PSY_DURAND, IDE_BERNARD));
    }

    @BeforeEach
    void psyDurandLeadsSessionsInBievreAndInLyon() {
        sessions.set(
                PSY_DURAND,
                List.of(
                        entry(
                                bievreFirst,
                                "g-bievre",
                                "bievre",
                                1,
                                SessionKind.GROUP,
                                LocalDateTime.of(2026, 12, 1, 14, 0),
                                "Salle des Tilleuls"),
                        entry(
                                bievreSecond,
                                "g-bievre",
                                "bievre",
                                1,
                                SessionKind.INDIVIDUAL,
                                LocalDateTime.of(2026, 12, 8, 14, 0),
                                "Bureau 2"),
                        entry(
                                lyonSession,
                                "g-lyon",
                                "lyon-nord",
                                3,
                                SessionKind.GROUP,
                                LocalDateTime.of(2026, 12, 3, 10, 0),
                                "Maison des associations")));
    }

    private HttpResponse<String> calendar(String facilitatorId, String who, String accept) {
        String path = "/api/workshops/facilitators/" + facilitatorId + "/calendar.ics";
        return http().get(
                        path,
                        ServiceHttp.demoToken(who),
                        accept == null ? new String[0] : new String[] {"Accept", accept});
    }

    private static Calendar parse(HttpResponse<String> response) throws Exception {
        return new CalendarBuilder().build(new StringReader(response.body()));
    }

    private static List<String> uids(Calendar calendar) {
        return calendar.<VEvent>getComponents(VEvent.VEVENT).stream()
                .map(event -> event.getProperty(Property.UID).orElseThrow().getValue())
                .toList();
    }

    private static String uid(String sessionId) {
        return sessionId + "@maillage.fr";
    }

    @Test
    void aFacilitatorReadsHerOwnFeedAndItParses() throws Exception {
        HttpResponse<String> response = calendar(PSY_DURAND, "psy-durand", "text/calendar");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/calendar;charset=UTF-8");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .get()
                .asString()
                .startsWith("inline; filename=")
                .endsWith(".ics\"");
        Calendar calendar = parse(response);
        assertThat(calendar.validate().hasErrors())
                .as(calendar.validate().toString())
                .isFalse();
        assertThat(calendar.getProperty(Property.PRODID).orElseThrow().getValue())
                .isEqualTo("-//Maillage//Workshops//FR");
        // In time order: Bièvre 1 December, Lyon 3 December, Bièvre 8 December.
        assertThat(uids(calendar)).containsExactly(uid(bievreFirst), uid(lyonSession), uid(bievreSecond));
        VEvent first = calendar.<VEvent>getComponents(VEvent.VEVENT).getFirst();
        assertThat(first.getProperty(Property.DTSTART)
                        .orElseThrow()
                        .getParameter("TZID")
                        .orElseThrow()
                        .getValue())
                .isEqualTo("Europe/Paris");
        assertThat(ZonedDateTime.from(first.getStartDate().orElseThrow().getDate())
                        .toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 12, 1, 14, 0));
        assertThat(first.getProperty(Property.SUMMARY).orElseThrow().getValue())
                .isEqualTo("Atelier collectif — séance 1/8");
        assertThat(first.getProperty(Property.LOCATION).orElseThrow().getValue())
                .isEqualTo("Salle des Tilleuls");
        // Stamped with the service's clock.
        assertThat(first.getDateStamp().orElseThrow().getDate())
                .isEqualTo(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void someoneElsesFeedDoesNotExistForAClinicianAPartnerOrAnotherFacilitator() {
        for (String who : List.of("dr-martin", "partner-epsm", "ide-bernard", "copil-bievre")) {
            HttpResponse<String> response = calendar(PSY_DURAND, who, null);
            assertThat(response.statusCode()).as(who).isEqualTo(404);
            assertThat(response.body()).as(who).doesNotContain("BEGIN:VCALENDAR");
        }
    }

    @Test
    void aRefusalIsAProblemEvenToAClientThatAsksForACalendar() {
        HttpResponse<String> response = calendar(PSY_DURAND, "dr-martin", "text/calendar");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("application/problem+json");
    }

    @Test
    void aFeedNeedsAToken() {
        assertThat(calendar(PSY_DURAND, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aCoordinatorSeesOnlyTheSessionsOfTheirTerritories() throws Exception {
        HttpResponse<String> lyon = calendar(PSY_DURAND, "coord-lyon", null);
        HttpResponse<String> bievre = calendar(PSY_DURAND, "coord-bievre", null);

        assertThat(lyon.statusCode()).isEqualTo(200);
        assertThat(uids(parse(lyon))).containsExactly(uid(lyonSession));
        assertThat(lyon.body()).doesNotContain(bievreFirst).doesNotContain(bievreSecond);
        assertThat(uids(parse(bievre))).containsExactly(uid(bievreFirst), uid(bievreSecond));
    }

    @Test
    void anAdministratorSeesEverySession() throws Exception {
        HttpResponse<String> response = calendar(PSY_DURAND, "admin", null);

        assertThat(uids(parse(response)))
                .containsExactlyInAnyOrder(uid(bievreFirst), uid(bievreSecond), uid(lyonSession));
    }

    @Test
    void aSubstituteLeadingOneSessionSeesItCountedAsItsEntrySays() throws Exception {
        // The third group session of an alternating group, alone in the feed: no slot to count from.
        Instant start = LocalDateTime.of(2026, 12, 10, 14, 0)
                .atZone(SessionCalendar.PARIS)
                .toInstant();
        sessions.set(
                IDE_BERNARD,
                List.of(new AgendaEntry(
                        "a-5",
                        "g-a",
                        "programme-a",
                        "bievre",
                        3,
                        8,
                        SessionKind.GROUP,
                        start,
                        start.plus(Duration.ofHours(2)),
                        "Salle A",
                        List.of(),
                        List.of(PSY_DURAND, IDE_BERNARD))));

        Calendar calendar = parse(calendar(IDE_BERNARD, "ide-bernard", null));

        assertThat(calendar.<VEvent>getComponents(VEvent.VEVENT))
                .extracting(event ->
                        event.getProperty(Property.SUMMARY).orElseThrow().getValue())
                .containsExactly("Atelier collectif — séance 3/8");
    }
}
