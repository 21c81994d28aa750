package fr.maillage.meeting.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who sees a meeting and its case notes, over HTTP: a case conference of bievre held with the GP and the
 * psychologist present, the nurse invited but absent, one case review with notes and a decision.
 */
class MeetingAccessIntegrationTests extends MeetingTestSupport {

    private String meetingId;
    private String caseItem;
    private String projectItem;

    @BeforeEach
    void aHeldCaseConferenceWithCaseNotes() {
        JsonNode meeting = bievreMeeting("CASE_CONFERENCE");
        meetingId = meeting.get("id").asString();
        caseItem = caseReview(meetingId, "coord-bievre", "person-" + UUID.randomUUID());
        projectItem = json(addItem(meetingId, "coord-bievre", Map.of("kind", "PROJECT_FOLLOW_UP", "topic", "Annuaire")))
                .get("id")
                .asString();
        hold(meeting, DR_MARTIN, PSY_DURAND);
        assertThat(put(notes(caseItem), "dr-martin", json(Map.of("text", "Rupture de suivi depuis octobre")))
                        .statusCode())
                .isEqualTo(200);
        assertThat(put(notes(projectItem), "coord-bievre", json(Map.of("text", "Mise à jour en cours")))
                        .statusCode())
                .isEqualTo(200);
    }

    private String notes(String itemId) {
        return "/api/meetings/" + meetingId + "/items/" + itemId + "/notes";
    }

    private JsonNode item(JsonNode meeting, String itemId) {
        for (JsonNode item : meeting.get("items")) {
            if (item.get("id").asString().equals(itemId)) {
                return item;
            }
        }
        throw new AssertionError("No item " + itemId);
    }

    @Test
    void thosePresentAndTheCoordinatorsReadTheCaseNotes() {
        for (String reader : List.of("dr-martin", "psy-durand", "coord-bievre")) {
            HttpResponse<String> read = get(notes(caseItem), reader);
            assertThat(read.statusCode()).as(reader).isEqualTo(200);
            assertThat(json(read).get("text").asString()).isEqualTo("Rupture de suivi depuis octobre");
            JsonNode shown = item(meeting(meetingId, reader), caseItem);
            assertThat(shown.get("notes").asString()).as(reader).isEqualTo("Rupture de suivi depuis octobre");
            assertThat(shown.get("notesHidden").asBoolean()).isFalse();
        }
    }

    @Test
    void anInvitedParticipantWhoWasAbsentSeesTheMeetingButNotItsCaseNotes() {
        JsonNode seen = meeting(meetingId, "ide-bernard");

        JsonNode shown = item(seen, caseItem);
        assertThat(shown.get("notes").isNull()).isTrue();
        assertThat(shown.get("notesHidden").asBoolean()).isTrue();
        assertThat(item(seen, projectItem).get("notes").asString()).isEqualTo("Mise à jour en cours");
        assertProblem(get(notes(caseItem), "ide-bernard"), 404, "not-found");
        assertThat(get(notes(projectItem), "ide-bernard").statusCode()).isEqualTo(200);
        assertProblem(put(notes(caseItem), "ide-bernard", json(Map.of("text", "Ajout"))), 403, "forbidden");
        assertThat(stored(meetingId).item(caseItem).orElseThrow().notes()).isEqualTo("Rupture de suivi depuis octobre");
    }

    @Test
    void theSteeringMemberAnotherTerritorysCoordinatorAndPartnersAreToldNothingExists() {
        for (String outsider : List.of("copil-bievre", "coord-lyon", "partner-epsm")) {
            assertProblem(get("/api/meetings/" + meetingId, outsider), 404, "not-found");
            assertProblem(get(notes(caseItem), outsider), 404, "not-found");
            assertProblem(get(notes(projectItem), outsider), 404, "not-found");
            assertThat(put(notes(caseItem), outsider, json(Map.of("text", "x"))).statusCode())
                    .as(outsider)
                    .isIn(403, 404);
        }
        assertThat(stored(meetingId).item(caseItem).orElseThrow().notes()).isEqualTo("Rupture de suivi depuis octobre");
    }

    @Test
    void anAdminSeesTheMeetingButNeverItsCaseNotes() {
        JsonNode seen = meeting(meetingId, "admin");

        assertThat(item(seen, caseItem).get("notesHidden").asBoolean()).isTrue();
        assertProblem(get(notes(caseItem), "admin"), 404, "not-found");
    }

    @Test
    void aSteeringMemberSeesTheSteeringCommitteesOfTheirTerritoryButNotAPracticeGroup() {
        // Far ahead, and cancelled afterwards: never the next practice group another test looks for.
        Instant farAhead = soon().plus(Duration.ofDays(900));
        String group = schedule("coord-bievre", "PRACTICE_GROUP", "bievre", farAhead, List.of(GP, NURSE, STEERING))
                .get("id")
                .asString();
        String committee = schedule("coord-bievre", "STEERING_COMMITTEE", "bievre", soon(), List.of(GP, NURSE))
                .get("id")
                .asString();
        try {
            assertProblem(get("/api/meetings/" + group, "copil-bievre"), 404, "not-found");
            JsonNode seen = meeting(committee, "copil-bievre");
            assertThat(seen.get("kind").asString()).isEqualTo("STEERING_COMMITTEE");
            assertThat(seen.has("latestReport")).isTrue();
            assertThat(json(get("/api/meetings?territory=bievre&kind=STEERING_COMMITTEE&size=100", "copil-bievre"))
                            .get("items"))
                    .extracting(m -> m.get("id").asString())
                    .contains(committee);
            assertThat(json(get("/api/meetings?territory=bievre&kind=PRACTICE_GROUP", "copil-bievre"))
                            .get("totalItems")
                            .asInt())
                    .isZero();
        } finally {
            post("/api/meetings/" + group + "/cancellation", "coord-bievre", null);
        }
    }

    @Test
    void aClinicianNotInvitedIsToldTheMeetingDoesNotExist() {
        String gpAndNurse = schedule("coord-bievre", "SUPERVISION", "bievre", soon(), List.of(GP, NURSE))
                .get("id")
                .asString();

        assertThat(get("/api/meetings/" + gpAndNurse, "dr-martin").statusCode()).isEqualTo(200);
        assertProblem(get("/api/meetings/" + gpAndNurse, "psy-durand"), 404, "not-found");
    }
}
