package fr.maillage.alert.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.alert.AlertIntegrationSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * What alert-service does with other services' events, played with a real producer: a workshop
 * disengagement raises one follow-up alert per episode, whatever the redeliveries; a person's erasure
 * anonymises that person's alerts only; an event that cannot be read lands in the dead-letter topic.
 */
class ConsumedEventsIntegrationTests extends AlertIntegrationSupport {

    private static final String DISENGAGED = "fr.maillage.workshop.participant-disengaged.v1";
    private static final String ERASED = "fr.maillage.referral.person-erased.v1";

    @Autowired
    MongoTemplate mongo;

    private long alertsAbout(String personRef) {
        return mongo.count(Query.query(Criteria.where("personRef").is(personRef)), "alerts");
    }

    private static Map<String, Object> disengagement(String groupId, String personRef, int episode) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("groupId", groupId);
        data.put("personRef", personRef);
        data.put("territory", "bievre");
        data.put("episode", episode);
        data.put("enrolmentId", UUID.randomUUID().toString());
        data.put("consecutiveAbsences", 3);
        data.put("disengagedAt", Instant.now().toString());
        return data;
    }

    private String disengagementEvent(Map<String, Object> data) {
        return cloudEvent("/maillage/workshop", DISENGAGED, (String) data.get("groupId"), "bievre", data);
    }

    // ---- workshop disengagement

    @Test
    void aDisengagementRaisesOneFollowUpAlertPerEpisode() {
        String groupId = UUID.randomUUID().toString();
        String personRef = freshPersonRef();
        String event = disengagementEvent(disengagement(groupId, personRef, 1));

        play(WORKSHOP_TOPIC, groupId, event);
        await().atMost(Duration.ofSeconds(30)).until(() -> alertsAbout(personRef) == 1);

        // The same event twice more, and a redelivery (a new event id, the same episode): still one alert.
        play(WORKSHOP_TOPIC, groupId, event);
        play(WORKSHOP_TOPIC, groupId, event);
        RecordMetadata redelivery =
                play(WORKSHOP_TOPIC, groupId, disengagementEvent(disengagement(groupId, personRef, 1)));
        awaitConsumed(redelivery);
        assertThat(alertsAbout(personRef)).isEqualTo(1);

        // A second episode of the same person in the same group: a second alert.
        play(WORKSHOP_TOPIC, groupId, disengagementEvent(disengagement(groupId, personRef, 2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> alertsAbout(personRef) == 2);
    }

    @Test
    void theFollowUpAlertIsInternalForTheCoordinatorAndSuggestedE() {
        String groupId = UUID.randomUUID().toString();
        String personRef = freshPersonRef();
        play(WORKSHOP_TOPIC, groupId, disengagementEvent(disengagement(groupId, personRef, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> alertsAbout(personRef) == 1);
        String id = mongo.findOne(Query.query(Criteria.where("personRef").is(personRef)), Document.class, "alerts")
                .getString("_id");

        JsonNode alert = json(get("/api/alerts/" + id, token("coord-bievre")));
        assertThat(alert.get("channel").asString()).isEqualTo("INTERNAL");
        assertThat(alert.get("status").asString()).isEqualTo("RAISED");
        assertThat(alert.get("suggestedUrgency").asString()).isEqualTo("E");
        assertThat(alert.get("suggestionRule").asString()).isEqualTo("care-disruption");
        assertThat(alert.get("riskFactors").toString()).isEqualTo("[\"CARE_DISRUPTION\"]");
        assertThat(alert.get("territory").asString()).isEqualTo("bievre");
        assertThat(alert.get("personRef").asString()).isEqualTo(personRef);
        assertThat(alert.path("emitter").get("kind").asString()).isEqualTo("PROFESSIONAL");
        assertThat(alert.path("emitter").get("organisation").asString()).isEqualTo("workshop group " + groupId);
        assertThat(alert.path("emitter").get("wantsFeedback").asBoolean()).isFalse();
        assertThat(alert.get("situation").asString()).contains(groupId).contains("episode 1");
        assertThat(alert.get("raisedBy").isNull()).isTrue();
        assertThat(get("/api/alerts?territory=bievre&size=100&sort=raisedAt", token("coord-bievre"))
                        .body())
                .contains(id);

        List<JsonNode> published = read(ALERT_TOPIC).awaitEventOf(id, ofType("fr.maillage.alert.raised.v1"));
        assertPublishedContract(published);
        assertThat(published.getFirst().path("data").get("channel").asString()).isEqualTo("INTERNAL");
        assertThat(published.getFirst().path("data").get("emitterInstitution").isNull())
                .isTrue();
    }

    @Test
    void aDisengagementThatBreaksTheContractLandsInTheDeadLetterTopic() {
        String groupId = "poison-" + UUID.randomUUID();
        String personRef = freshPersonRef();
        Map<String, Object> noEpisode = disengagement(groupId, personRef, 1);
        noEpisode.put("episode", 0);

        play(WORKSHOP_TOPIC, groupId, disengagementEvent(noEpisode));

        TopicReader deadLetters = read(WORKSHOP_TOPIC + "-dlt");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters.records().stream().anyMatch(record -> groupId.equals(record.key())));
        ConsumerRecord<String, String> dead = deadLetters.records().stream()
                .filter(record -> groupId.equals(record.key()))
                .findFirst()
                .orElseThrow();
        assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
        assertThat(alertsAbout(personRef)).isZero();
    }

    // ---- erasure

    @Test
    void anErasureAnonymisesThatPersonsAlertsAndKeepsTheirTimings() {
        String erased = freshPersonRef();
        String kept = freshPersonRef();
        String answered = raise(token("partner-epsm"), alertBody("bievre", "38130", erased, "PSYCHOTIC_SYMPTOMS"))
                .get("id")
                .asString();
        step(answered, "qualification", token("coord-bievre"), QUALIFY_AS_SUGGESTED_C);
        step(answered, "response", token("dr-martin"), RESPONSE);
        step(answered, "feedback", token("dr-martin"), FEEDBACK);
        String unanswered = raise(token("dr-martin"), alertBody("bievre", null, erased, "ISOLATION"))
                .get("id")
                .asString();
        String other = raise(token("dr-martin"), alertBody("bievre", null, kept, "ISOLATION"))
                .get("id")
                .asString();
        JsonNode before = json(get("/api/alerts/" + answered, token("coord-bievre")));

        Map<String, Object> data =
                Map.of("personRef", erased, "erasedAt", Instant.now().toString());
        String event = cloudEvent("/maillage/referral", ERASED, erased, "bievre", data);
        play(REFERRAL_TOPIC, erased, event);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> json(get("/api/alerts/" + unanswered, token("coord-bievre")))
                        .get("anonymised")
                        .asBoolean());
        RecordMetadata again = play(REFERRAL_TOPIC, erased, event);
        awaitConsumed(again);

        JsonNode after = json(get("/api/alerts/" + answered, token("coord-bievre")));
        assertThat(after.get("anonymised").asBoolean()).isTrue();
        assertThat(after.get("situation").isNull()).isTrue();
        assertThat(after.get("rationale").isNull()).isTrue();
        assertThat(after.path("emitter").get("name").isNull()).isTrue();
        assertThat(after.path("emitter").get("organisation").isNull()).isTrue();
        assertThat(after.path("emitter").get("callbackContact").isNull()).isTrue();
        assertThat(after.path("responses").get(0).get("summary").isNull()).isTrue();
        assertThat(after.path("feedback").get("message").isNull()).isTrue();
        for (String field : List.of("status", "urgency", "suggestedUrgency", "raisedAt", "dueBy", "respondedAt")) {
            assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
        }
        assertThat(after.path("responses").get(0).get("actions"))
                .isEqualTo(before.path("responses").get(0).get("actions"));
        assertThat(after.path("feedback").get("channel"))
                .isEqualTo(before.path("feedback").get("channel"));

        // Nothing identifying is left in the stored documents (free texts, emitter, fingerprint).
        for (String id : List.of(answered, unanswered)) {
            String stored = mongo.findById(id, Document.class, "alerts").toJson();
            assertThat(stored)
                    .doesNotContain(SITUATION, EMITTER_NAME, EMITTER_CONTACT, "EPSM de Bi", "appointment tomorrow")
                    .doesNotContain("Seen by the CMP", "known to the CMP", "emitterFingerprint\": \"");
        }
        JsonNode history = json(get("/api/alerts/" + answered + "/history", token("coord-bievre")));
        assertThat(history.toString().split("anonymised", -1))
                .as("anonymised once")
                .hasSize(2);

        JsonNode untouched = json(get("/api/alerts/" + other, token("coord-bievre")));
        assertThat(untouched.get("anonymised").asBoolean()).isFalse();
        assertThat(untouched.get("situation").asString()).isEqualTo(SITUATION);
        assertThat(untouched.path("emitter").get("name").asString()).isEqualTo(EMITTER_NAME);
    }
}
