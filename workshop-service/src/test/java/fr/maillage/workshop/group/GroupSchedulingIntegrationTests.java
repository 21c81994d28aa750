package fr.maillage.workshop.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.platform.testing.EventSchemas;
import fr.maillage.workshop.WorkshopIntegrationSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** Scheduling a group through HTTP: its calendar, its two opening steps, conflicts, session changes, lists. */
class GroupSchedulingIntegrationTests extends WorkshopIntegrationSupport {

    private static final String SCHEDULED = "fr.maillage.workshop.group-scheduled.v1";
    private static final String OPENED = "fr.maillage.workshop.group-opened.v1";

    @Autowired
    MongoTemplate mongo;

    /** Ids nobody else uses: these tests place groups wherever they like without touching other tests. */
    private static String someone() {
        return "facilitator-" + UUID.randomUUID();
    }

    @Test
    void aScheduledGroupHasItsCalendarLedByItsPairAndTheProgrammesDefaults() {
        String programmeId = registerProgramme();
        LocalDateTime first = nextFirstSession();
        String venue = freshVenue();
        String body = """
                {"programmeId":"%s","facilitators":%s,"venue":"%s","firstSessionAt":"%s",
                 "materials":["livres","goûter"]}""".formatted(programmeId, demoFacilitators(), venue, first);

        HttpResponse<String> response = post("/api/workshops/groups", "coord-bievre", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode group = json(response);
        assertThat(group.get("status").asString()).isEqualTo("OPEN");
        assertThat(group.get("capacity").asInt()).as("the programme's maximum").isEqualTo(10);
        assertThat(group.get("minParticipants").asInt()).isEqualTo(4);
        assertThat(group.get("venue").asString()).isEqualTo(venue);
        assertThat(group.get("groupSessions").asInt()).isEqualTo(8);
        assertThat(group.get("individualSlots").asInt()).isEqualTo(7);
        JsonNode sessions = group.get("sessions");
        assertThat(sessions).hasSize(15);
        for (int i = 0; i < sessions.size(); i++) {
            JsonNode session = sessions.get(i);
            assertThat(session.get("number").asInt()).isEqualTo(i + 1);
            assertThat(session.get("kind").asString()).isEqualTo(i % 2 == 0 ? "GROUP" : "INDIVIDUAL");
            ZonedDateTime start =
                    Instant.parse(session.get("startsAt").asString()).atZone(PARIS);
            assertThat(start.toLocalTime()).as("same local time across DST").isEqualTo(first.toLocalTime());
            assertThat(Duration.between(
                            start.toInstant(),
                            Instant.parse(session.get("endsAt").asString())))
                    .isEqualTo(Duration.ofMinutes(120));
            assertThat(session.get("facilitators"))
                    .extracting(facilitator -> facilitator.get("id").asString())
                    .containsExactly(PSY_DURAND, IDE_BERNARD);
            assertThat(session.get("materials")).extracting(JsonNode::asString).containsExactly("livres", "goûter");
            assertThat(session.get("venue").asString()).isEqualTo(venue);
        }
        assertThat(group.get("startsAt").asString())
                .isEqualTo(sessions.get(0).get("startsAt").asString());
        assertThat(group.get("endsAt").asString())
                .isEqualTo(sessions.get(14).get("endsAt").asString());

        String groupId = group.get("id").asString();
        TopicReader events = read(WORKSHOP_TOPIC);
        JsonNode scheduled =
                events.awaitEvents(1, event(SCHEDULED, "groupId", groupId)).getFirst();
        EventSchemas.assertValid(SCHEDULED, JSON.writeValueAsString(scheduled.get("data")));
        assertThat(scheduled.get("audience").asString()).isEqualTo("lieu-dit");
        assertThat(scheduled.get("data").get("status").asString()).isEqualTo("OPEN");
        assertThat(scheduled.get("data").get("groupSessions").asInt()).isEqualTo(8);
        assertThat(scheduled.get("data").get("firstSessionAt").asString())
                .isEqualTo(Instant.parse(group.get("startsAt").asString()).toString());
        events.awaitEvents(1, event(OPENED, "groupId", groupId));
    }

    @Test
    void aPlannedGroupTakesNobodyUntilOpenedThenPlacesTheWaitingRequests() {
        String programmeId = registerProgramme();
        String referralId = "referral-" + UUID.randomUUID();
        awaitConsumed(accept(referralId, programmeId, "ROUTINE"));
        String planned = groupBody(programmeId, 4).replace("}", ",\"openForEnrolment\":false}");

        HttpResponse<String> scheduled = post("/api/workshops/groups", "coord-bievre", planned);
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        assertThat(json(scheduled).get("status").asString()).isEqualTo("PLANNED");
        String groupId = json(scheduled).get("id").asString();
        assertThat(post("/api/workshops/groups/" + groupId + "/enrolments", "coord-bievre", """
                {"personRef":"%s","priority":"ROUTINE"}""".formatted(
                                        UUID.randomUUID()))
                        .statusCode())
                .isEqualTo(409);
        assertThat(groupAsAdmin(groupId).get("enrolments")).isEmpty();
        assertThat(post("/api/workshops/groups/" + groupId + "/opening", "psy-durand", "{}")
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> opened = post("/api/workshops/groups/" + groupId + "/opening", "coord-bievre", "{}");

        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        assertThat(json(opened).get("status").asString()).isEqualTo("OPEN");
        await().atMost(Duration.ofSeconds(30)).until(() -> enrolmentOf(groupId, referralId) != null);
        assertThat(enrolmentOf(groupId, referralId).get("status").asString()).isEqualTo("CONFIRMED");
        HttpResponse<String> again = post("/api/workshops/groups/" + groupId + "/opening", "coord-bievre", "{}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("type").asString()).isEqualTo("urn:maillage:problem:illegal-transition");
        assertThat(json(again).get("currentState").asString()).isEqualTo("OPEN");
        TopicReader events = read(WORKSHOP_TOPIC);
        JsonNode scheduledEvent =
                events.awaitEvents(1, event(SCHEDULED, "groupId", groupId)).getFirst();
        assertThat(scheduledEvent.get("data").get("status").asString()).isEqualTo("PLANNED");
        events.awaitEvents(1, event(OPENED, "groupId", groupId));
    }

    @Test
    void aFacilitatorAlreadyInAnOverlappingSessionIsAConflictNamingTheClash() {
        String programmeId = registerProgramme();
        String busy = someone();
        LocalDateTime first = nextFirstSession();
        String existing = schedule(groupBody(programmeId, 8, facilitators(busy, someone()), freshVenue(), first));

        HttpResponse<String> response = post(
                "/api/workshops/groups",
                "coord-bievre",
                groupBody(programmeId, 8, facilitators(someone(), busy), freshVenue(), first.plusMinutes(60)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        JsonNode problem = json(response);
        assertThat(problem.get("type").asString()).isEqualTo("urn:maillage:problem:schedule-conflict");
        assertThat(problem.get("detail").asString()).contains(busy).contains(existing);
        JsonNode clash = problem.get("clashes").get(0);
        assertThat(clash.get("groupId").asString()).isEqualTo(existing);
        assertThat(clash.get("sessionNumber").asInt()).isEqualTo(1);
        assertThat(clash.get("facilitatorId").asString()).isEqualTo(busy);
        assertThat(clash.has("venue")).isFalse();
        assertThat(Instant.parse(clash.get("startsAt").asString()))
                .isEqualTo(first.atZone(PARIS).toInstant());
        // Every session of the series clashes (weekly, one hour apart): 15 entries.
        assertThat(problem.get("clashes")).hasSize(15);
        assertThat(mongo.count(Query.query(Criteria.where("programmeId").is(programmeId)), "groups"))
                .as("nothing written")
                .isEqualTo(1);
    }

    @Test
    void aRoomAlreadyTakenIsAConflictWhateverItsSpellingButTouchingSessionsAreNot() {
        String programmeId = registerProgramme();
        String room = "Salle " + UUID.randomUUID();
        LocalDateTime first = nextFirstSession();
        String existing = schedule(groupBody(programmeId, 8, facilitators(someone(), someone()), room, first));

        HttpResponse<String> sameRoom = post(
                "/api/workshops/groups",
                "coord-bievre",
                groupBody(
                        programmeId,
                        8,
                        facilitators(someone(), someone()),
                        "  " + room.toUpperCase() + " ",
                        first.minusMinutes(90)));
        HttpResponse<String> rightAfter = post(
                "/api/workshops/groups",
                "coord-bievre",
                groupBody(programmeId, 8, facilitators(someone(), someone()), room, first.plusHours(2)));

        assertThat(sameRoom.statusCode()).as(sameRoom.body()).isEqualTo(409);
        JsonNode clash = json(sameRoom).get("clashes").get(0);
        assertThat(clash.get("groupId").asString()).isEqualTo(existing);
        assertThat(clash.get("venue").asString()).isEqualTo(room);
        assertThat(clash.has("facilitatorId")).isFalse();
        assertThat(rightAfter.statusCode()).as(rightAfter.body()).isEqualTo(201);
    }

    @Test
    void aCancelledGroupFreesItsFacilitatorsAndRoom() {
        String programmeId = registerProgramme();
        String pair = facilitators(someone(), someone());
        String room = freshVenue();
        LocalDateTime first = nextFirstSession();
        String cancelled = schedule(groupBody(programmeId, 8, pair, room, first));
        assertThat(post("/api/workshops/groups/" + cancelled + "/cancellation", "coord-bievre", """
                {"reason":"venue-unavailable"}""")
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> again =
                post("/api/workshops/groups", "coord-bievre", groupBody(programmeId, 8, pair, room, first));

        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    }

    @Test
    void aCoordinatorMovesASessionChangesItsRoomSubstitutesAFacilitatorAndSetsItsMaterials() {
        String programmeId = registerProgramme();
        String groupId = openGroup(programmeId, 8);
        JsonNode third = groupAsAdmin(groupId).get("sessions").get(2);
        // 20:00 the same day: after every slot other tests' groups start at, so psy-durand is free then.
        Instant moved = Instant.parse(third.get("startsAt").asString())
                .atZone(PARIS)
                .toLocalDate()
                .atTime(20, 0)
                .atZone(PARIS)
                .toInstant();
        String substitute = someone();

        HttpResponse<String> response =
                put("/api/workshops/groups/" + groupId + "/sessions/3", "coord-bievre", """
                {"startsAt":"%s","venue":"%s","facilitators":%s,"materials":["feutres"]}""".formatted(
                                moved, freshVenue(), facilitators(PSY_DURAND, substitute)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode session = json(response).get("sessions").get(2);
        assertThat(Instant.parse(session.get("startsAt").asString())).isEqualTo(moved);
        assertThat(Instant.parse(session.get("endsAt").asString())).isEqualTo(moved.plus(Duration.ofHours(2)));
        assertThat(session.get("facilitators"))
                .extracting(facilitator -> facilitator.get("id").asString())
                .containsExactly(PSY_DURAND, substitute);
        assertThat(session.get("materials")).extracting(JsonNode::asString).containsExactly("feutres");
        assertThat(session.get("id").asString()).isEqualTo(third.get("id").asString());
        assertThat(json(response).get("facilitators"))
                .extracting(facilitator -> facilitator.get("id").asString())
                .containsExactly(PSY_DURAND, IDE_BERNARD);
        // The substitute sees the group they now co-lead a session of; ide-bernard still does.
        assertThat(get("/api/workshops/groups/" + groupId, "ide-bernard").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aSessionChangeBreakingARuleIsRefusedAndChangesNothing() {
        String programmeId = registerProgramme();
        String groupId = openGroup(programmeId, 8);
        JsonNode before = groupAsAdmin(groupId);
        String path = "/api/workshops/groups/" + groupId + "/sessions/";
        String busy = someone();
        JsonNode second = before.get("sessions").get(1);
        String other = schedule(groupBody(
                programmeId,
                8,
                facilitators(busy, someone()),
                freshVenue(),
                LocalDateTime.ofInstant(Instant.parse(second.get("startsAt").asString()), PARIS)
                        .plusDays(1)));

        assertThat(put(path + "2", "coord-bievre", "{\"facilitators\":" + facilitators(PSY_DURAND) + "}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(put(path + "2", "coord-bievre", "{\"facilitators\":" + facilitators(PSY_DURAND, PSY_DURAND) + "}")
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> past = put(
                path + "2", "coord-bievre", "{\"startsAt\":\"" + clock.instant().minusSeconds(60) + "\"}");
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(json(past).get("type").asString()).isEqualTo("urn:maillage:problem:session-in-the-past");
        HttpResponse<String> outOfOrder = put(
                path + "2",
                "coord-bievre",
                "{\"startsAt\":\""
                        + before.get("sessions").get(2).get("startsAt").asString() + "\"}");
        assertThat(outOfOrder.statusCode()).isEqualTo(422);
        assertThat(json(outOfOrder).get("type").asString()).isEqualTo("urn:maillage:problem:session-out-of-order");
        HttpResponse<String> clash = put(
                path + "2",
                "coord-bievre",
                "{\"startsAt\":\""
                        + Instant.parse(second.get("startsAt").asString()).plus(Duration.ofDays(1))
                        + "\",\"facilitators\":" + facilitators(busy, someone()) + "}");
        assertThat(clash.statusCode()).as(clash.body()).isEqualTo(409);
        assertThat(json(clash).get("clashes").get(0).get("groupId").asString()).isEqualTo(other);
        assertThat(put(path + "2", "coord-bievre", "{\"startsAt\":\"next tuesday\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(put(path + "99", "coord-bievre", "{\"venue\":\"Salle B\"}").statusCode())
                .isEqualTo(404);
        assertThat(put(path + "2", "coord-lyon", "{\"venue\":\"Salle B\"}").statusCode())
                .isEqualTo(404);
        assertThat(put(path + "2", "psy-durand", "{\"venue\":\"Salle B\"}").statusCode())
                .isEqualTo(403);

        JsonNode after = groupAsAdmin(groupId);
        assertThat(after.get("sessions")).isEqualTo(before.get("sessions"));
    }

    @Test
    void theListShowsEachTheirGroupsSoonestFirst() {
        String programmeId = registerProgramme();
        String soon = openGroup(programmeId, 8);
        String theirs = someone();
        String other =
                schedule(groupBody(programmeId, 8, facilitators(theirs, someone()), freshVenue(), nextFirstSession()));
        schedule(groupBody(programmeId, 8, demoFacilitators(), freshVenue(), nextFirstSession())
                .replace("}", ",\"openForEnrolment\":false}"));
        String lyonGroup = scheduleInLyon();

        JsonNode coordinator = json(get("/api/workshops/groups?programmeId=" + programmeId, "coord-bievre"));
        assertThat(coordinator.get("items"))
                .extracting(group -> group.get("id").asString())
                .hasSize(3)
                .startsWith(soon, other);
        assertThat(coordinator.get("totalItems").asInt()).isEqualTo(3);
        assertThat(coordinator.get("items").get(0).has("enrolments")).isFalse();
        JsonNode open = json(get("/api/workshops/groups?programmeId=" + programmeId + "&status=OPEN", "coord-bievre"));
        assertThat(open.get("items"))
                .extracting(group -> group.get("id").asString())
                .containsExactly(soon, other);
        JsonNode facilitator = json(get("/api/workshops/groups?programmeId=" + programmeId, "psy-durand"));
        assertThat(facilitator.get("items"))
                .extracting(group -> group.get("id").asString())
                .hasSize(2)
                .doesNotContain(other);
        assertThat(json(get("/api/workshops/groups?programmeId=" + programmeId, "coord-lyon"))
                        .get("items"))
                .isEmpty();
        assertThat(json(get("/api/workshops/groups", "coord-bievre")).toString())
                .doesNotContain(lyonGroup);
        assertThat(json(get("/api/workshops/groups?programmeId=" + programmeId + "&page=0&size=1", "admin"))
                        .get("items"))
                .hasSize(1);
        assertThat(get("/api/workshops/groups", "partner-epsm").statusCode()).isEqualTo(403);
        assertThat(get("/api/workshops/groups", "dr-martin").statusCode()).isEqualTo(403);
        assertThat(get("/api/workshops/groups?status=SOMEDAY", "coord-bievre").statusCode())
                .isEqualTo(400);
    }

    private String scheduleInLyon() {
        String lyonProgramme = registerResource("WORKSHOP_PROGRAMME", "ptsm-lyon", "lyon-nord");
        HttpResponse<String> response = post(
                "/api/workshops/groups",
                "coord-lyon",
                groupBody(lyonProgramme, 8, facilitators(someone(), someone()), freshVenue(), nextFirstSession()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asString();
    }

    @Test
    void everyEventOfSchedulingMatchesItsSchema() {
        String programmeId = registerProgramme();
        String groupId = openGroup(programmeId, 8);

        List<JsonNode> events = read(WORKSHOP_TOPIC)
                .awaitEvents(2, event -> event.path("subject").asString().equals(groupId));
        for (JsonNode event : events) {
            EventSchemas.assertValid(event.get("type").asString(), JSON.writeValueAsString(event.get("data")));
        }
    }
}
