package fr.maillage.workshop.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.platform.testing.EventSchemas;
import fr.maillage.workshop.WorkshopIntegrationSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** The workshop side of the walking skeleton, through real HTTP and a real Kafka broker. */
class EnrolmentFlowIntegrationTests extends WorkshopIntegrationSupport {

    private static final String CONFIRMED = "fr.maillage.workshop.enrolment-confirmed.v1";
    private static final String WAITLISTED = "fr.maillage.workshop.enrolment-waitlisted.v1";
    private static final String OPENED = "fr.maillage.workshop.group-opened.v1";

    @Autowired
    MongoTemplate mongo;

    @Test
    void anAcceptedReferralIsConfirmedWhileAPlaceRemainsThenWaitlisted() {
        String programmeId = registerProgramme();
        HttpResponse<String> opened = post("/api/workshops/groups", "coord-bievre", groupBody(programmeId, 1));
        assertThat(opened.statusCode()).isEqualTo(201);
        String groupId = json(opened).get("id").asString();
        assertThat(opened.headers().firstValue("Location")).hasValue("/api/workshops/groups/" + groupId);
        assertThat(opened.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(json(opened).get("territory").asString()).isEqualTo("bievre");
        assertThat(json(opened).get("status").asString()).isEqualTo("OPEN");

        String first = "referral-" + UUID.randomUUID();
        String second = "referral-" + UUID.randomUUID();
        // two referrals are two keys, so possibly two partitions: the first is placed before the second is sent
        awaitConsumed(accept(first, programmeId, "ROUTINE"));
        accept(second, programmeId, "ROUTINE");

        await().atMost(Duration.ofSeconds(30)).until(() -> enrolmentOf(groupId, second) != null);
        assertThat(enrolmentOf(groupId, first).get("status").asString()).isEqualTo("CONFIRMED");
        JsonNode waitlisted = enrolmentOf(groupId, second);
        assertThat(waitlisted.get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(waitlisted.get("position").asInt()).isEqualTo(1);
        assertThat(waitlisted.get("personRef").asString()).isNotBlank();
        JsonNode group = groupAsAdmin(groupId);
        assertThat(group.get("confirmedCount").asInt()).isEqualTo(1);
        assertThat(group.get("capacity").asInt()).isEqualTo(1);
        assertThat(group.get("facilitators"))
                .extracting(facilitator -> facilitator.get("id").asString())
                .containsExactly(PSY_DURAND, IDE_BERNARD);
        assertThat(group.get("facilitators"))
                .extracting(facilitator -> facilitator.get("profession").asString())
                .containsExactly("clinical-psychologist", "nurse");

        TopicReader workshopEvents = read(WORKSHOP_TOPIC);
        JsonNode openedEvent =
                workshopEvents.awaitEvents(1, event(OPENED, "groupId", groupId)).getFirst();
        assertThat(openedEvent.get("subject").asString()).isEqualTo(groupId);
        assertThat(openedEvent.get("audience").asString()).isEqualTo("lieu-dit");
        assertThat(openedEvent.get("source").asString()).isEqualTo("/maillage/workshop");
        JsonNode confirmed = workshopEvents
                .awaitEvents(1, event(CONFIRMED, "referralId", first))
                .getFirst();
        assertThat(confirmed.get("subject").asString()).isEqualTo(groupId);
        assertThat(confirmed.get("territory").asString()).isEqualTo("bievre");
        assertThat(confirmed.get("audience").asString().split(" ")).containsExactlyInAnyOrder("lieu-dit", "msp-bievre");
        assertThat(confirmed.get("data").get("programmeId").asString()).isEqualTo(programmeId);
        JsonNode waitlistedEvent = workshopEvents
                .awaitEvents(1, event(WAITLISTED, "referralId", second))
                .getFirst();
        assertThat(waitlistedEvent.get("subject").asString()).isEqualTo(groupId);
        assertThat(waitlistedEvent.get("data").get("position").asInt()).isEqualTo(1);
        assertThat(waitlistedEvent.get("audience").asString().split(" "))
                .containsExactlyInAnyOrder("lieu-dit", "msp-bievre");
    }

    @Test
    void everyEventTheServicePublishesMatchesItsSchema() {
        String programmeId = registerProgramme();
        String groupId = openGroup(programmeId, 1);
        awaitConsumed(accept("referral-" + UUID.randomUUID(), programmeId, "URGENT"));
        String last = "referral-" + UUID.randomUUID();
        accept(last, programmeId, "ROUTINE");

        TopicReader workshopEvents = read(WORKSHOP_TOPIC);
        workshopEvents.awaitEvents(1, event(WAITLISTED, "referralId", last));
        List<JsonNode> published = workshopEvents.events(event -> true);
        assertThat(published)
                .extracting(event -> event.get("subject").asString())
                .contains(groupId);
        for (JsonNode event : published) {
            String type = event.get("type").asString();
            assertThat(event.get("source").asString()).isEqualTo("/maillage/workshop");
            assertThat(event.get("dataschema").asString()).endsWith(type);
            EventSchemas.assertValid(type, JSON.writeValueAsString(event.get("data")));
        }
    }

    @Test
    void theSameAcceptanceDeliveredTwiceEnrolsOnce() {
        String programmeId = registerProgramme();
        String groupId = openGroup(programmeId, 8);
        String referralId = "referral-" + UUID.randomUUID();
        String acceptance = acceptedEvent(referralId, programmeId, "ROUTINE", Instant.now());

        play(referralId, acceptance);
        RecordMetadata redelivered = play(referralId, acceptance);
        // Also a second acceptance event (another id) for the same referral.
        RecordMetadata again = accept(referralId, programmeId, "ROUTINE");
        awaitConsumed(redelivered);
        awaitConsumed(again);

        JsonNode group = groupAsAdmin(groupId);
        assertThat(group.get("enrolments")).hasSize(1);
        assertThat(group.get("confirmedCount").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxIsEmpty(groupId));
        TopicReader workshopEvents = read(WORKSHOP_TOPIC);
        workshopEvents.awaitEvents(1, event(CONFIRMED, "referralId", referralId));
        // Counted by CloudEvent id: the outbox may deliver one event twice (same id), never two enrolments.
        assertThat(
                        workshopEvents
                                .events(event -> event.path("data")
                                        .path("referralId")
                                        .asString()
                                        .equals(referralId))
                                .stream()
                                .map(event -> event.get("id").asString())
                                .distinct())
                .hasSize(1);
    }

    @Test
    void acceptancesBeforeAnyGroupWaitForTheNextGroupOpenedUrgentFirst() {
        String programmeId = registerProgramme();
        String routine = "referral-" + UUID.randomUUID();
        String urgent = "referral-" + UUID.randomUUID();
        Instant now = Instant.now();
        awaitConsumed(play(routine, acceptedEvent(routine, programmeId, "ROUTINE", now.minusSeconds(3600))));
        awaitConsumed(play(urgent, acceptedEvent(urgent, programmeId, "URGENT", now)));
        assertThat(mongo.count(
                        Query.query(Criteria.where("programmeId")
                                .is(programmeId)
                                .and("state")
                                .is("PENDING")),
                        "enrolment_requests"))
                .isEqualTo(2);

        String groupId = openGroup(programmeId, 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> enrolmentOf(groupId, routine) != null);
        assertThat(enrolmentOf(groupId, urgent).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(enrolmentOf(groupId, routine).get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(mongo.count(
                        Query.query(Criteria.where("programmeId")
                                .is(programmeId)
                                .and("state")
                                .is("PENDING")),
                        "enrolment_requests"))
                .isZero();
    }

    @Test
    void aFullGroupSendsNewcomersToAnotherOpenGroupWithRoom() {
        String programmeId = registerProgramme();
        String oldest = openGroup(programmeId, 1);
        String newer = openGroup(programmeId, 1);
        String first = "referral-" + UUID.randomUUID();
        String second = "referral-" + UUID.randomUUID();
        awaitConsumed(accept(first, programmeId, "ROUTINE"));
        awaitConsumed(accept(second, programmeId, "ROUTINE"));

        assertThat(enrolmentOf(oldest, first).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(enrolmentOf(newer, second).get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void onlyWorkshopProgrammesMatter() {
        String cmp = registerResource("CMP", "epsm-bievre", "bievre");
        String referralId = "referral-" + UUID.randomUUID();
        String toCmp = acceptedEvent(referralId, cmp, "ROUTINE", Instant.now()).replace("WORKSHOP_PROGRAMME", "CMP");

        awaitConsumed(play(referralId, toCmp));

        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(cmp)), "programmes"))
                .isFalse();
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(referralId)), "enrolment_requests"))
                .isFalse();
        HttpResponse<String> refused = post("/api/workshops/groups", "coord-bievre", groupBody(cmp, 8));
        assertThat(refused.statusCode()).isEqualTo(422);
    }

    private boolean outboxIsEmpty(String groupId) {
        org.bson.Document group = mongo.findById(groupId, org.bson.Document.class, "groups");
        return group != null
                && group.getList("pendingEvents", Object.class, List.of()).isEmpty();
    }
}
