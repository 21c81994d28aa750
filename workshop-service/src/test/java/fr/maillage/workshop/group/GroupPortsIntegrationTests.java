package fr.maillage.workshop.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.maillage.workshop.WorkshopIntegrationSupport;
import fr.maillage.workshop.agenda.AgendaEntry;
import fr.maillage.workshop.agenda.FacilitatorSessions;
import fr.maillage.workshop.attendance.SessionRoster;
import fr.maillage.workshop.attendance.SessionRoster.Roster;
import fr.maillage.workshop.schedule.SessionKind;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** What the groups tell the agenda (a facilitator's sessions) and attendance (a group's roster). */
class GroupPortsIntegrationTests extends WorkshopIntegrationSupport {

    @Autowired
    FacilitatorSessions facilitatorSessions;

    @Autowired
    SessionRoster roster;

    @Test
    void aFacilitatorsAgendaListsTheSessionsTheyLeadInGroupsNotCancelled() {
        String programmeId = registerProgramme();
        String lead = "facilitator-" + UUID.randomUUID();
        String partner = "facilitator-" + UUID.randomUUID();
        String substitute = "facilitator-" + UUID.randomUUID();
        LocalDateTime first = nextFirstSession();
        String venue = freshVenue();
        String groupId = schedule(groupBody(programmeId, 8, facilitators(lead, partner), venue, first));
        JsonNode third = groupAsAdmin(groupId).get("sessions").get(2);
        assertThat(put("/api/workshops/groups/" + groupId + "/sessions/3", "coord-bievre", """
                {"facilitators":%s,"materials":["feutres"]}""".formatted(
                                        facilitators(lead, substitute)))
                        .statusCode())
                .isEqualTo(200);
        String cancelled =
                schedule(groupBody(programmeId, 8, facilitators(lead, partner), freshVenue(), first.plusDays(1)));
        post("/api/workshops/groups/" + cancelled + "/cancellation", "coord-bievre", "{\"reason\":\"no-room\"}");

        List<AgendaEntry> leads = facilitatorSessions.of(lead);
        List<AgendaEntry> partners = facilitatorSessions.of(partner);
        List<AgendaEntry> substitutes = facilitatorSessions.of(substitute);

        assertThat(leads).hasSize(15).extracting(AgendaEntry::groupId).containsOnly(groupId);
        // Each entry counts within its kind: 8 group sessions alternating with 7 individual slots.
        assertThat(leads)
                .filteredOn(entry -> entry.kind() == SessionKind.GROUP)
                .extracting(AgendaEntry::number, AgendaEntry::ofKind)
                .containsExactly(
                        tuple(1, 8),
                        tuple(2, 8),
                        tuple(3, 8),
                        tuple(4, 8),
                        tuple(5, 8),
                        tuple(6, 8),
                        tuple(7, 8),
                        tuple(8, 8));
        assertThat(leads)
                .filteredOn(entry -> entry.kind() == SessionKind.INDIVIDUAL)
                .extracting(AgendaEntry::number, AgendaEntry::ofKind)
                .containsExactly(
                        tuple(1, 7), tuple(2, 7), tuple(3, 7), tuple(4, 7), tuple(5, 7), tuple(6, 7), tuple(7, 7));
        assertThat(leads).extracting(AgendaEntry::startsAt).isSorted();
        AgendaEntry firstEntry = leads.getFirst();
        assertThat(firstEntry.programmeId()).isEqualTo(programmeId);
        assertThat(firstEntry.territory()).isEqualTo("bievre");
        assertThat(firstEntry.kind()).isEqualTo(SessionKind.GROUP);
        assertThat(firstEntry.venue()).isEqualTo(venue);
        assertThat(firstEntry.startsAt()).isEqualTo(first.atZone(PARIS).toInstant());
        assertThat(leads.get(1).kind()).isEqualTo(SessionKind.INDIVIDUAL);
        // The third entry of the calendar, handed to the substitute, is the second group session.
        assertThat(partners)
                .hasSize(14)
                .filteredOn(entry -> entry.kind() == SessionKind.GROUP)
                .extracting(AgendaEntry::number)
                .containsExactly(1, 3, 4, 5, 6, 7, 8);
        assertThat(substitutes).singleElement().satisfies(entry -> {
            assertThat(entry.sessionId()).isEqualTo(third.get("id").asString());
            assertThat(entry.kind()).isEqualTo(SessionKind.GROUP);
            assertThat(entry.number()).isEqualTo(2);
            assertThat(entry.ofKind()).isEqualTo(8);
            assertThat(entry.facilitatorIds()).containsExactly(lead, substitute);
            assertThat(entry.materials()).containsExactly("feutres");
            assertThat(entry.startsAt())
                    .isEqualTo(Instant.parse(third.get("startsAt").asString()));
        });
        assertThat(facilitatorSessions.of("facilitator-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void aGroupsRosterNamesItsSessionsAndConfirmedParticipantsOnly() {
        String programmeId = registerProgramme();
        String groupId = openGroup(programmeId, 1);
        String referralId = "referral-" + UUID.randomUUID();
        awaitConsumed(accept(referralId, programmeId, "ROUTINE"));
        post("/api/workshops/groups/" + groupId + "/enrolments", "coord-bievre", """
                {"personRef":"%s","priority":"ROUTINE"}""".formatted(UUID.randomUUID()));

        Roster found = roster.of(groupId).orElseThrow();

        assertThat(found.groupId()).isEqualTo(groupId);
        assertThat(found.programmeId()).isEqualTo(programmeId);
        assertThat(found.programmeInstitution()).isEqualTo("lieu-dit");
        assertThat(found.territory()).isEqualTo("bievre");
        assertThat(found.status()).isEqualTo("OPEN");
        assertThat(found.facilitatorIds()).containsExactly(PSY_DURAND, IDE_BERNARD);
        assertThat(found.sessions()).hasSize(15);
        assertThat(found.sessions().getFirst().facilitatorIds()).containsExactly(PSY_DURAND, IDE_BERNARD);
        JsonNode confirmed = enrolmentOf(groupId, referralId);
        assertThat(found.participants()).singleElement().satisfies(participant -> {
            assertThat(participant.enrolmentId()).isEqualTo(confirmed.get("id").asString());
            assertThat(participant.personRef())
                    .isEqualTo(confirmed.get("personRef").asString());
            assertThat(participant.referralId()).isEqualTo(referralId);
            assertThat(participant.referrerInstitution()).isEqualTo("msp-bievre");
        });
        assertThat(roster.of(UUID.randomUUID().toString())).isEmpty();
    }
}
