package fr.maillage.meeting.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.testing.TopicReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Attendance, agenda, notes and decisions of held meetings: the quorum, the consent, the actions. */
class MeetingMinutesIntegrationTests extends MeetingTestSupport {

    private static final String DUE =
            LocalDate.now(ParisTime.PARIS).plusDays(14).toString();

    @Autowired
    MeetingAgenda agenda;

    @Test
    void withAGpANurseAndAPsychologistPresentADecisionAndItsActionAreRecorded() {
        TopicReader events = readFromNow(MEETING_TOPIC);
        JsonNode meeting = bievreMeeting("CASE_CONFERENCE");
        String id = meeting.get("id").asString();
        String personRef = "person-" + UUID.randomUUID();
        String item = caseReview(id, "coord-bievre", personRef);

        JsonNode held = hold(meeting, DR_MARTIN, IDE_BERNARD, PSY_DURAND);
        assertThat(held.get("status").asString()).isEqualTo("HELD");
        assertThat(held.get("attendance").get("professionsPresent"))
                .extracting(JsonNode::asString)
                .containsExactly("clinical-psychologist", "general-practitioner", "nurse");
        assertThat(held.get("attendance").get("quorum").get("reached").asBoolean())
                .isTrue();
        assertThat(put(
                                "/api/meetings/" + id + "/items/" + item + "/notes",
                                "dr-martin",
                                json(Map.of("text", "Perdu de vue depuis deux mois")))
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> decided = decide(
                id,
                item,
                "dr-martin",
                "Proposer un rendez-vous au CMP",
                List.of(action(DR_MARTIN, "Appeler le CMP", DUE)));

        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        JsonNode decision = json(decided);
        assertThat(decision.get("actionsPending").asBoolean()).isFalse();
        String actionId = decision.get("actions").get(0).get("actionId").asString();
        assertThat(actionId).isNotBlank();
        assertThat(actionDesk.ofMeeting(id)).singleElement().satisfies(action -> {
            assertThat(action.actionId()).isEqualTo(actionId);
            assertThat(action.ownerId()).isEqualTo(DR_MARTIN);
            assertThat(action.itemId()).isEqualTo(item);
            assertThat(action.decisionId()).isEqualTo(decision.get("id").asString());
            assertThat(action.dueOn()).isEqualTo(LocalDate.parse(DUE));
        });
        JsonNode minutes = meeting(id, "coord-bievre");
        assertThat(minutes.get("actions"))
                .extracting(a -> a.get("actionId").asString())
                .containsExactly(actionId);
        assertThat(minutes.get("items")
                        .get(0)
                        .get("decisions")
                        .get(0)
                        .get("text")
                        .asString())
                .isEqualTo("Proposer un rendez-vous au CMP");

        JsonNode heldEvent = published(events, HELD, id).getFirst().get("data");
        assertThat(heldEvent.get("attendees").asInt()).isEqualTo(3);
        assertThat(heldEvent.get("professions").asInt()).isEqualTo(3);
        assertThat(Instant.parse(heldEvent.get("heldAt").asString()))
                .isEqualTo(Instant.parse(meeting.get("startsAt").asString()));
        JsonNode reviewed = published(events, CASE_REVIEWED, id).getFirst();
        assertThat(reviewed.get("data").get("personRef").asString()).isEqualTo(personRef);
        assertThat(reviewed.get("data").get("itemId").asString()).isEqualTo(item);
        assertThat(reviewed.get("data").get("decisions").asInt()).isEqualTo(1);
        assertThat(reviewed.get("audience").asString().split(" ")).containsExactlyInAnyOrder("msp-bievre", "lieu-dit");
        assertThat(reviewed.toString()).doesNotContain("CMP", "Perdu de vue");
    }

    @Test
    void withTwoProfessionsPresentADecisionIsRefusedAndNothingIsWritten() {
        TopicReader events = readFromNow(MEETING_TOPIC);
        JsonNode meeting = bievreMeeting("CASE_CONFERENCE");
        String id = meeting.get("id").asString();
        String item = caseReview(id, "coord-bievre", "person-" + UUID.randomUUID());
        hold(meeting, DR_MARTIN, IDE_BERNARD);

        HttpResponse<String> refused =
                decide(id, item, "dr-martin", "Hospitaliser", List.of(action(DR_MARTIN, "Appeler l'EPSM", DUE)));

        assertProblem(refused, 409, "quorum-not-reached");
        JsonNode problem = json(refused);
        assertThat(problem.get("professionsPresent"))
                .extracting(JsonNode::asString)
                .containsExactly("general-practitioner", "nurse");
        assertThat(problem.get("missing").asInt()).isEqualTo(1);
        assertThat(problem.get("minProfessions").asInt()).isEqualTo(3);
        assertThat(stored(id).item(item).orElseThrow().decisions()).isEmpty();
        assertThat(actionDesk.ofMeeting(id)).isEmpty();
        assertThat(typesPublished(events, id)).containsExactly(SCHEDULED, HELD);

        // The psychologist was there after all: the attendance is corrected, the decision goes through.
        assertThat(recordAttendance(id, "coord-bievre", DR_MARTIN, IDE_BERNARD, PSY_DURAND)
                        .statusCode())
                .isEqualTo(200);
        assertThat(decide(id, item, "ide-bernard", "Hospitaliser", List.of()).statusCode())
                .isEqualTo(201);
        assertThat(typesPublished(events, id)).containsExactly(SCHEDULED, HELD, CASE_REVIEWED);
    }

    @Test
    void aPracticeExchangeNeedsNoQuorumAndPublishesNoCaseReview() {
        TopicReader events = readFromNow(MEETING_TOPIC);
        JsonNode meeting = schedule("coord-bievre", "SUPERVISION", "bievre", soon(), List.of(GP, NURSE));
        String id = meeting.get("id").asString();
        String item = json(addItem(id, "coord-bievre", Map.of("kind", "PRACTICE_EXCHANGE", "topic", "Sevrage")))
                .get("id")
                .asString();
        hold(meeting, DR_MARTIN);

        assertThat(decide(id, item, "coord-bievre", "Fiche réflexe à écrire", List.of())
                        .statusCode())
                .isEqualTo(201);
        assertThat(typesPublished(events, id)).containsExactly(SCHEDULED, HELD);
    }

    @Test
    void onlyTheCoordinatorsAndThosePresentWriteTheMinutes() {
        JsonNode meeting = bievreMeeting("CASE_CONFERENCE");
        String id = meeting.get("id").asString();
        String item = json(addItem(id, "coord-bievre", Map.of("kind", "PROJECT_FOLLOW_UP")))
                .get("id")
                .asString();
        hold(meeting, DR_MARTIN, IDE_BERNARD, PSY_DURAND);
        String absentOnly = schedule(
                        "coord-bievre", "CASE_CONFERENCE", "bievre", soon(), List.of(GP, NURSE, PSYCHOLOGIST))
                .get("id")
                .asString();

        assertThat(decide(id, item, "psy-durand", "Relancer", List.of()).statusCode())
                .isEqualTo(201);
        assertProblem(decide(id, item, "admin", "Relancer", List.of()), 403, "forbidden");
        assertProblem(decide(id, item, "coord-lyon", "Relancer", List.of()), 404, "not-found");
        assertProblem(
                put(
                        "/api/meetings/" + absentOnly + "/attendance",
                        "dr-martin",
                        json(Map.of("present", List.of(DR_MARTIN)))),
                403,
                "forbidden");
        assertThat(stored(id).item(item).orElseThrow().decisions()).hasSize(1);
    }

    @Test
    void aCaseReviewNeedsThePersonsConsent() {
        String id = bievreMeeting("CASE_CONFERENCE").get("id").asString();
        String personRef = "person-" + UUID.randomUUID();

        HttpResponse<String> refused =
                addItem(id, "coord-bievre", Map.of("kind", "CASE_REVIEW", "personRef", personRef));

        assertProblem(refused, 422, "consent-missing");
        assertThat(stored(id).items()).isEmpty();
        consents.grant(personRef);
        HttpResponse<String> added = addItem(id, "coord-bievre", Map.of("kind", "CASE_REVIEW", "personRef", personRef));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(json(added).get("status").asString()).isEqualTo("KEPT");
        String committee = schedule("coord-bievre", "STEERING_COMMITTEE", "bievre", soon(), List.of(GP))
                .get("id")
                .asString();
        assertProblem(
                addItem(committee, "coord-bievre", Map.of("kind", "CASE_REVIEW", "personRef", personRef)),
                422,
                "case-review-not-allowed");
    }

    @Test
    void proposedItemsAreKeptWithConsentOrDroppedByACoordinatorOnce() {
        String territory = freshTerritory();
        String id = schedule("admin", "PRACTICE_GROUP", territory, soon(), List.of(GP, NURSE, PSYCHOLOGIST))
                .get("id")
                .asString();
        String personRef = "person-" + UUID.randomUUID();
        MeetingAgenda.ProposedItemPlaced alert = agenda.proposeOnNextPracticeGroup(
                        territory,
                        new MeetingAgenda.ProposedItem(
                                "alert-escalated:" + UUID.randomUUID(),
                                ItemKind.CASE_REVIEW,
                                personRef,
                                "ALERT",
                                "alert-1",
                                "alert-escalated"))
                .orElseThrow();
        MeetingAgenda.ProposedItemPlaced declined = agenda.proposeOnNextPracticeGroup(
                        territory,
                        new MeetingAgenda.ProposedItem(
                                "declined-twice:" + UUID.randomUUID(),
                                ItemKind.CASE_REVIEW,
                                "person-" + UUID.randomUUID(),
                                "REFERRAL",
                                "referral-2",
                                "declined-twice"))
                .orElseThrow();
        String keep = "/api/meetings/" + id + "/items/" + alert.itemId() + "/keep";

        assertProblem(post(keep, "admin", null), 422, "consent-missing");
        consents.grant(personRef);
        assertProblem(post(keep, "dr-martin", null), 403, "forbidden");
        HttpResponse<String> kept = post(keep, "admin", null);
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        assertThat(json(kept).get("status").asString()).isEqualTo("KEPT");
        HttpResponse<String> dropped =
                post("/api/meetings/" + id + "/items/" + declined.itemId() + "/drop", "admin", null);
        assertThat(json(dropped).get("status").asString()).isEqualTo("DROPPED");
        HttpResponse<String> again = post(keep, "admin", null);
        assertProblem(again, 409, "illegal-transition");
        assertThat(json(again).get("currentState").asString()).isEqualTo("KEPT");
        assertProblem(
                post("/api/meetings/" + id + "/items/" + declined.itemId() + "/keep", "admin", null),
                409,
                "illegal-transition");
        assertThat(stored(id).items())
                .extracting(AgendaItem::status)
                .containsExactly(ItemStatus.KEPT, ItemStatus.DROPPED);
    }
}
