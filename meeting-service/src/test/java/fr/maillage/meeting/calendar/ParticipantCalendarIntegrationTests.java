package fr.maillage.meeting.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.meeting.meeting.MeetingTestSupport;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The participants' iCalendar feed over HTTP: who reads whose meetings, and what the feed says. */
class ParticipantCalendarIntegrationTests extends MeetingTestSupport {

    private static String path(String userId) {
        return "/api/meetings/participants/" + userId + "/calendar.ics";
    }

    private static Calendar parse(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
        return new CalendarBuilder().build(new StringReader(response.body()));
    }

    private static VEvent event(Calendar calendar, String meetingId) {
        return calendar.<VEvent>getComponents(VEvent.VEVENT).stream()
                .filter(event ->
                        event.getProperty(Property.UID).orElseThrow().getValue().equals(meetingId + "@maillage.fr"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No event for meeting " + meetingId));
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void aParticipantReadsTheirMeetingsCancelledOnesMarkedAndNoPersonNamed() throws Exception {
        String conference = bievreMeeting("CASE_CONFERENCE").get("id").asString();
        String personRef = "person-" + UUID.randomUUID();
        caseReview(conference, "coord-bievre", personRef);
        String cancelled = bievreMeeting("SUPERVISION").get("id").asString();
        post("/api/meetings/" + cancelled + "/cancellation", "coord-bievre", null);

        HttpResponse<String> response = get(path(DR_MARTIN), "dr-martin");

        Calendar calendar = parse(response);
        VEvent held = event(calendar, conference);
        assertThat(value(held, Property.SUMMARY))
                .isEqualTo("Réunion de concertation pluriprofessionnelle — Réunion case conference");
        assertThat(value(held, Property.LOCATION)).isEqualTo("MSP Bièvre, salle 2");
        assertThat(value(held, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(event(calendar, cancelled), Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(response.body()).doesNotContain(personRef);
        assertThat(calendar.validate().hasErrors()).isFalse();
    }

    @Test
    void theCoordinatorsOfTheTerritoryAndAdminsReadAParticipantsFeedOthersAreToldItDoesNotExist() throws Exception {
        String meeting = schedule("coord-bievre", "SUPERVISION", "bievre", soon(), List.of(NURSE))
                .get("id")
                .asString();

        event(parse(get(path(IDE_BERNARD), "coord-bievre")), meeting);
        event(parse(get(path(IDE_BERNARD), "admin")), meeting);
        for (String outsider : List.of("coord-lyon", "dr-martin", "copil-bievre", "partner-epsm")) {
            assertProblem(get(path(IDE_BERNARD), outsider, "Accept", "application/json"), 404, "not-found");
        }
    }

    @Test
    void aSteeringMembersFeedHoldsOnlyTheSteeringCommittees() throws Exception {
        String territory = freshTerritory();
        String committee = schedule("admin", "STEERING_COMMITTEE", territory, soon(), List.of(STEERING, GP))
                .get("id")
                .asString();
        String group = schedule("admin", "SUPERVISION", territory, soon(), List.of(STEERING, GP))
                .get("id")
                .asString();

        Calendar calendar = parse(get(path(COPIL_BIEVRE), "copil-bievre"));

        assertThat(value(event(calendar, committee), Property.SUMMARY)).startsWith("Comité de pilotage — ");
        assertThat(calendar.<VEvent>getComponents(VEvent.VEVENT))
                .noneMatch(event -> value(event, Property.UID).equals(group + "@maillage.fr"));
        assertThat(get(path(COPIL_BIEVRE), "dr-martin").statusCode()).isEqualTo(404);
    }
}
