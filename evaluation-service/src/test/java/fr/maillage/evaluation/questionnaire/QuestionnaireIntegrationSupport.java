package fr.maillage.evaluation.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.evaluation.EvaluationIntegrationSupport;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.testing.EventPlayer;
import fr.maillage.platform.testing.EventSchemas;
import fr.maillage.platform.testing.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * What the questionnaire integration tests share: workshop-service's and referral-service's events played
 * as their producers publish them (complete data, as their schemas say), people given a care team that way,
 * responses recorded through the API, and the {@code questionnaire-due} events published, each once, checked
 * against their schema.
 */
abstract class QuestionnaireIntegrationSupport extends EvaluationIntegrationSupport {

    static final String WORKSHOP_SOURCE = "/maillage/workshop";
    static final String REFERRAL_SOURCE = "/maillage/referral";
    static final String BIEVRE = "bievre";
    /** The programme's and the referrer's institutions, as workshop events name them. */
    static final Set<String> WORKSHOP_AUDIENCE = Set.of("lieu-dit", "msp-bievre");

    static final String DUE = QuestionnaireMessages.QUESTIONNAIRE_DUE;
    static final String PSY = "psy-durand";
    static final String IDE = "ide-bernard";
    static final String MARTIN = "dr-martin";
    static final String PARTNER_EPSM = "partner-epsm";

    @Autowired
    protected MongoTemplate mongo;

    static String newId() {
        return UUID.randomUUID().toString();
    }

    // ---- workshop-service's events

    RecordMetadata groupScheduled(String groupId, List<String> facilitatorIds) {
        Instant first = clock.instant().plus(Duration.ofDays(7));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("groupId", groupId);
        data.put("programmeId", "programme-" + groupId.substring(0, 8));
        data.put("territory", BIEVRE);
        data.put("capacity", 8);
        data.put("minParticipants", 3);
        data.put("facilitatorIds", facilitatorIds);
        data.put("groupSessions", 6);
        data.put("individualSlots", 5);
        data.put("firstSessionAt", first.toString());
        data.put("lastSessionEndsAt", first.plus(Duration.ofDays(77)).toString());
        data.put("status", "OPEN");
        return play(
                WORKSHOP_TOPIC,
                WORKSHOP_SOURCE,
                WorkshopEventsListener.GROUP_SCHEDULED,
                groupId,
                BIEVRE,
                Set.of("lieu-dit"),
                data);
    }

    Map<String, Object> enrolmentConfirmedData(String groupId, String enrolmentId, String personRef, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("enrolmentId", enrolmentId);
        data.put("groupId", groupId);
        data.put("programmeId", "programme-" + groupId.substring(0, 8));
        data.put("referralId", null);
        data.put("personRef", personRef);
        data.put("territory", BIEVRE);
        data.put("confirmedAt", at.toString());
        data.put("promotedFromWaitlist", false);
        return data;
    }

    RecordMetadata enrolmentConfirmed(String groupId, String enrolmentId, String personRef, Instant at) {
        return play(
                WORKSHOP_TOPIC,
                WORKSHOP_SOURCE,
                WorkshopEventsListener.ENROLMENT_CONFIRMED,
                groupId,
                BIEVRE,
                WORKSHOP_AUDIENCE,
                enrolmentConfirmedData(groupId, enrolmentId, personRef, at));
    }

    RecordMetadata participantCompleted(String groupId, String enrolmentId, String personRef, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("enrolmentId", enrolmentId);
        data.put("groupId", groupId);
        data.put("programmeId", "programme-" + groupId.substring(0, 8));
        data.put("referralId", null);
        data.put("personRef", personRef);
        data.put("territory", BIEVRE);
        data.put("sessionsAttended", 5);
        data.put("groupSessions", 6);
        data.put("completedAt", at.toString());
        return play(
                WORKSHOP_TOPIC,
                WORKSHOP_SOURCE,
                WorkshopEventsListener.PARTICIPANT_COMPLETED,
                groupId,
                BIEVRE,
                WORKSHOP_AUDIENCE,
                data);
    }

    /** A new group facilitated by psy-durand and ide-bernard, with these people's enrolments confirmed now. */
    Enrolments enrolInNewGroup(String... personRefs) {
        String groupId = newId();
        groupScheduled(groupId, List.of(PSY_DURAND, IDE_BERNARD));
        Map<String, String> enrolments = new LinkedHashMap<>();
        RecordMetadata last = null;
        for (String personRef : personRefs) {
            String enrolmentId = newId();
            enrolments.put(personRef, enrolmentId);
            last = enrolmentConfirmed(groupId, enrolmentId, personRef, clock.instant());
        }
        // One key (the group): one partition, in order; the last one consumed means all were.
        awaitConsumed(QUESTIONNAIRES_GROUP, last);
        return new Enrolments(groupId, enrolments);
    }

    /** A group and the enrolment id of each person in it. */
    record Enrolments(String groupId, Map<String, String> byPerson) {

        String of(String personRef) {
            return byPerson.get(personRef);
        }
    }

    // ---- referral-service's events

    /** {@code submitted.v1} about the person, told to these institutions (the referrer's is the first). */
    RecordMetadata referralSubmitted(String personRef, List<String> audience) {
        String referralId = newId();
        Instant now = clock.instant();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", referralId);
        data.put("personRef", personRef);
        data.put("resourceId", newId());
        data.put("resourceType", "CMP");
        data.put("territory", BIEVRE);
        data.put("priority", "ROUTINE");
        data.put("referrerInstitution", audience.getFirst());
        data.put("answerDueBy", now.plus(Duration.ofDays(7)).toString());
        data.put("submittedAt", now.toString());
        return play(
                REFERRAL_TOPIC,
                REFERRAL_SOURCE,
                "fr.maillage.referral.submitted.v1",
                referralId,
                BIEVRE,
                audience,
                data);
    }

    /** A person referred by msp-bievre (dr-martin's, ide-bernard's) to epsm-bievre: their care team. */
    String personReferredByMspBievre() {
        String personRef = newId();
        awaitConsumed(QUESTIONNAIRES_GROUP, referralSubmitted(personRef, List.of("msp-bievre", "epsm-bievre")));
        return personRef;
    }

    RecordMetadata personErased(String personRef) {
        return play(
                REFERRAL_TOPIC,
                REFERRAL_SOURCE,
                ReferralEventsListener.PERSON_ERASED,
                personRef,
                null,
                Set.of("msp-bievre"),
                Map.of("personRef", personRef, "erasedAt", clock.instant().toString()));
    }

    // ---- answers and responses

    static Map<String, Object> who5(int cheerful, int calm, int active, int rested, int interest) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("cheerful", cheerful);
        answers.put("calm", calm);
        answers.put("active", active);
        answers.put("rested", rested);
        answers.put("interest", interest);
        return answers;
    }

    /** WHO-5 answers adding up to {@code raw} (0–25). */
    static Map<String, Object> who5Raw(int raw) {
        int[] values = new int[5];
        int left = raw;
        for (int i = 0; i < 5; i++) {
            values[i] = Math.min(5, left);
            left -= values[i];
        }
        return who5(values[0], values[1], values[2], values[3], values[4]);
    }

    /** The same value (1–4) to each item of a satisfaction questionnaire. */
    static Map<String, Object> satisfaction(String questionnaireId, int value) {
        Map<String, Object> answers = new LinkedHashMap<>();
        ShippedDefinitions.definition(questionnaireId).items().forEach(item -> answers.put(item.id(), value));
        return answers;
    }

    /** A request body; null values are left out. */
    static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                body.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return body;
    }

    static Map<String, Object> who5Body(String personRef, String enrolmentId, Timepoint timepoint, int raw) {
        return body(
                "questionnaireId",
                "who-5",
                "timepoint",
                timepoint.name(),
                "personRef",
                personRef,
                "enrolmentId",
                enrolmentId,
                "territory",
                BIEVRE,
                "answers",
                who5Raw(raw));
    }

    HttpResponse<String> record(String who, Map<String, Object> body) {
        return post("/api/responses", who, json(body));
    }

    /** Records a response, which must be accepted (201); its answer. */
    JsonNode recorded(String who, Map<String, Object> body) {
        HttpResponse<String> response = record(who, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode recorded = json(response);
        assertThat(response.headers().firstValue("Location"))
                .contains("/api/responses/" + recorded.get("responseId").asString());
        return recorded;
    }

    static void assertProblem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("type").asString()).isEqualTo("urn:maillage:problem:" + slug);
    }

    JsonNode dues(String personRef, String who) {
        HttpResponse<String> response = get("/api/questionnaires/due?personRef=" + personRef, who);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("items");
    }

    JsonNode due(String personRef, String dueId, String who) {
        for (JsonNode due : dues(personRef, who)) {
            if (due.get("dueId").asString().equals(dueId)) {
                return due;
            }
        }
        throw new AssertionError("No due " + dueId + " for " + personRef);
    }

    long storedResponses(String personRef) {
        return mongo.count(Query.query(Criteria.where("personRef").is(personRef)), QuestionnaireResponse.class);
    }

    // ---- questionnaire-due events

    private boolean outboxIsEmpty(String dueId) {
        org.bson.Document due = mongo.findById(dueId, org.bson.Document.class, "questionnaire_dues");
        return due != null
                && due.getList("pendingEvents", Object.class, List.of()).isEmpty();
    }

    /**
     * The distinct {@code questionnaire-due} events (by CloudEvent id) about the due, once its outbox is empty
     * and the reader has read the whole topic: what was published, a redelivery counted once. Each is valid
     * against its schema.
     */
    List<JsonNode> published(TopicReader events, String dueId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxIsEmpty(dueId));
        events.readToEnd();
        List<JsonNode> distinct =
                TopicReader.distinct(events.events(TopicReader.ofType(DUE).and(TopicReader.about(dueId))));
        for (JsonNode event : distinct) {
            EventSchemas.assertValid(DUE, event.get("data").toString());
        }
        return distinct;
    }

    /** The announcements on the topic so far of a due that was never stored (its outbox cannot be awaited). */
    List<JsonNode> publishedOfUnstored(TopicReader events, String dueId) {
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(dueId)), QuestionnaireDue.class))
                .isFalse();
        events.readToEnd();
        return events.events(TopicReader.ofType(DUE).and(TopicReader.about(dueId)));
    }

    /** Waits for one announcement of the due; then all of them, each once. */
    List<JsonNode> awaitPublished(TopicReader events, String dueId) {
        events.awaitEvent(TopicReader.ofType(DUE).and(TopicReader.about(dueId)));
        return published(events, dueId);
    }

    /** Plays the very same CloudEvent (same id) again: a redelivery. */
    void replay(String topic, String source, OutboundEvent event, int times) {
        List<RecordMetadata> sent = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            sent.add(playRaw(topic, event.subject(), EventPlayer.cloudEvent(source, event)));
        }
        awaitConsumed(QUESTIONNAIRES_GROUP, sent.getLast());
    }

    static List<String> texts(Collection<JsonNode> nodes, String field) {
        return nodes.stream().map(node -> node.get(field).asString()).toList();
    }
}
