package fr.maillage.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.localstack.oidc.DemoUsers;
import fr.maillage.platform.testing.EventSchemas;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

class ReferralFlowIntegrationTests extends ReferralIntegrationSupport {

    private static final String CONFIRMED = "fr.maillage.workshop.enrolment-confirmed.v1";
    private static final String WAITLISTED = "fr.maillage.workshop.enrolment-waitlisted.v1";

    @Test
    void aReferralGoesFromSubmittedToEnrolledAndTheReferrerFollowsItsHistory() {
        String resourceId = registerWorkshop();

        HttpResponse<String> submitted = post(
                "/api/referrals",
                token("dr-martin"),
                json(referral(person("Dupont", "Marie", "1987-04-12"), resourceId, "isolement au travail")));
        assertThat(submitted.statusCode()).isEqualTo(201);
        JsonNode created = json(submitted);
        String id = created.path("id").asString();
        assertThat(submitted.headers().firstValue("Location")).hasValue("/api/referrals/" + id);
        assertThat(submitted.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(created.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(created.path("personRef").asString()).matches("[0-9a-f-]{36}");
        assertThat(created.path("territory").asString()).isEqualTo("bievre");
        assertThat(created.path("consent").path("institution").asString()).isEqualTo("lieu-dit");
        assertThat(created.path("referrer").path("id").asString()).isEqualTo(DemoUsers.DR_MARTIN_ID.toString());
        assertThat(created.toString()).doesNotContain("Dupont", "1987-04-12");

        HttpResponse<String> accepted = post("/api/referrals/" + id + "/acceptance", token("coord-bievre"), null);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(json(accepted).path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.headers().firstValue("ETag")).hasValue("\"1\"");

        String eventId =
                playWorkshopEvent(UUID.randomUUID().toString(), CONFIRMED, "group-" + id, confirmed(id, created));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode seen = json(get("/api/referrals/" + id, token("dr-martin")));
            assertThat(seen.path("status").asString()).isEqualTo("IN_PROGRESS");
            assertThat(seen.path("businessStatus").asString()).isEqualTo("ENROLLED");
            assertThat(seen.path("history").size()).isEqualTo(3);
            assertThat(seen.path("history").get(0).path("status").asString()).isEqualTo("SUBMITTED");
            assertThat(seen.path("history").get(1).path("actor").asString())
                    .isEqualTo(DemoUsers.COORD_BIEVRE_ID.toString());
            assertThat(seen.path("history").get(2).path("sourceEventId").asString())
                    .isEqualTo(eventId);
        });
    }

    @Test
    void aWaitlistedPersonsReferralStaysAcceptedAndSaysWaitlisted() {
        String id = acceptedReferral();

        playWorkshopEvent(UUID.randomUUID().toString(), WAITLISTED, "group-" + id, waitlisted(id, 3));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode seen = json(get("/api/referrals/" + id, token("dr-martin")));
            assertThat(seen.path("status").asString()).isEqualTo("ACCEPTED");
            assertThat(seen.path("businessStatus").asString()).isEqualTo("WAITLISTED");
        });
    }

    @Test
    void theSameEnrolmentEventDeliveredTwiceIsAppliedOnce() {
        String id = acceptedReferral();
        String later = acceptedReferral();
        String groupId = "group-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();

        playWorkshopEvent(eventId, CONFIRMED, groupId, confirmed(id, null));
        playWorkshopEvent(eventId, CONFIRMED, groupId, confirmed(id, null));
        // Same key, so same partition, after the duplicate: once it is applied, the duplicate was consumed.
        playWorkshopEvent(UUID.randomUUID().toString(), CONFIRMED, groupId, confirmed(later, null));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "ENROLLED"
                        .equals(json(get("/api/referrals/" + later, token("coord-bievre")))
                                .path("businessStatus")
                                .asString()));
        HttpResponse<String> seen = get("/api/referrals/" + id, token("coord-bievre"));
        assertThat(json(seen).path("history").size()).isEqualTo(3);
        assertThat(seen.headers().firstValue("ETag")).hasValue("\"2\"");
    }

    @Test
    void aLateWaitlistingAfterAnEnrolmentDoesNotRegressTheReferral() {
        String id = acceptedReferral();
        String groupId = "group-" + UUID.randomUUID();

        playWorkshopEvent(UUID.randomUUID().toString(), CONFIRMED, groupId, confirmed(id, null));
        playWorkshopEvent(UUID.randomUUID().toString(), WAITLISTED, groupId, waitlisted(id, 1));
        String marker = acceptedReferral();
        playWorkshopEvent(UUID.randomUUID().toString(), CONFIRMED, groupId, confirmed(marker, null));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "ENROLLED"
                        .equals(json(get("/api/referrals/" + marker, token("coord-bievre")))
                                .path("businessStatus")
                                .asString()));
        JsonNode seen = json(get("/api/referrals/" + id, token("coord-bievre")));
        assertThat(seen.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(seen.path("businessStatus").asString()).isEqualTo("ENROLLED");
    }

    @Test
    void anEnrolmentForAReferralThatIsNotOursIsANoOpAndBlocksNothing() {
        String groupId = "group-" + UUID.randomUUID();
        String unknown = UUID.randomUUID().toString();
        String marker = acceptedReferral();

        playWorkshopEvent(UUID.randomUUID().toString(), CONFIRMED, groupId, confirmed(unknown, null));
        playWorkshopEvent(UUID.randomUUID().toString(), CONFIRMED, groupId, confirmed(marker, null));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "ENROLLED"
                        .equals(json(get("/api/referrals/" + marker, token("coord-bievre")))
                                .path("businessStatus")
                                .asString()));
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(unknown)), "referrals"))
                .isFalse();
    }

    @Test
    void anEnrolmentForAReferralNotYetAcceptedIsNotSwallowedButDeadLettered() {
        String submittedOnly =
                submitReferral("dr-martin", registerWorkshop()).path("id").asString();
        String groupId = "group-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();

        playWorkshopEvent(eventId, CONFIRMED, groupId, confirmed(submittedOnly, null));

        ConsumerRecord<String, String> dead =
                recordsFor(WORKSHOP_TOPIC + "-dlt", groupId, 1).getFirst();
        assertThat(JSON.readTree(dead.value()).path("id").asString()).isEqualTo(eventId);
        JsonNode seen = json(get("/api/referrals/" + submittedOnly, token("dr-martin")));
        assertThat(seen.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(seen.path("businessStatus").asString()).isEqualTo("RECEIVED");
        assertThat(seen.path("history").size()).isEqualTo(1);
    }

    @Test
    void publishedEventsCarryNoIdentityNorReasonAndMatchTheirSchemas() {
        String resourceId = registerWorkshop();
        String familyName = "Identityleak" + UUID.randomUUID().toString().substring(0, 8);
        String reason = "Motif confidentiel " + UUID.randomUUID();
        JsonNode created = json(post(
                "/api/referrals",
                token("partner-epsm"),
                json(referral(person(familyName, "Zoé", "1979-02-28"), resourceId, reason))));
        String id = created.path("id").asString();
        assertThat(post("/api/referrals/" + id + "/acceptance", token("coord-bievre"), null)
                        .statusCode())
                .isEqualTo(200);

        List<ConsumerRecord<String, String>> records = recordsFor(REFERRAL_TOPIC, id, 2);

        // At least once: a redelivery carries the same CloudEvent id, so count distinct ids.
        assertThat(records.stream()
                        .map(record -> JSON.readTree(record.value()).path("id").asString())
                        .distinct())
                .hasSize(2);
        for (ConsumerRecord<String, String> record : records) {
            assertThat(record.value()).doesNotContain(familyName, "Zoé", "1979-02-28", "Motif confidentiel");
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .startsWith("application/cloudevents+json");
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.path("source").asString()).isEqualTo("/maillage/referral");
            assertThat(event.path("subject").asString()).isEqualTo(id);
            assertThat(event.path("territory").asString()).isEqualTo("bievre");
            assertThat(event.path("audience").asString()).isEqualTo("epsm-bievre lieu-dit");
            assertThat(event.path("data").path("personRef").asString())
                    .isEqualTo(created.path("personRef").asString());
            assertThat(EventSchemas.violations(
                            event.path("type").asString(), event.path("data").toString()))
                    .isEmpty();
        }
        assertThat(records)
                .extracting(record -> JSON.readTree(record.value()).path("type").asString())
                .containsSubsequence("fr.maillage.referral.submitted.v1", "fr.maillage.referral.accepted.v1")
                .first()
                .isEqualTo("fr.maillage.referral.submitted.v1");
    }

    @Test
    void aRegisteredResourceIsPublishedToItsInstitutionAndMatchesItsSchema() {
        String resourceId = registerWorkshop();

        ConsumerRecord<String, String> record =
                recordsFor(REFERRAL_TOPIC, resourceId, 1).getFirst();

        JsonNode event = JSON.readTree(record.value());
        // resource-published.v1 replaces resource-registered.v1 with issue 4 (directory helper).
        assertThat(event.path("type").asString())
                .isIn("fr.maillage.referral.resource-registered.v1", "fr.maillage.referral.resource-published.v1");
        assertThat(event.path("audience").asString()).isEqualTo("lieu-dit");
        assertThat(event.path("data").path("type").asString()).isEqualTo("WORKSHOP_PROGRAMME");
        assertThat(EventSchemas.violations(
                        event.path("type").asString(), event.path("data").toString()))
                .isEmpty();
    }

    @Test
    void theSamePersonReferredTwiceWithAnotherSpellingKeepsOnePersonRefAndIsStoredEncrypted() {
        String resourceId = registerWorkshop();
        String familyName = "Lefèvre-" + UUID.randomUUID().toString().substring(0, 8);

        JsonNode first = json(post(
                "/api/referrals",
                token("dr-martin"),
                json(referral(person(familyName, "Éloïse", "1990-06-01"), resourceId, "premier"))));
        JsonNode second = json(post(
                "/api/referrals",
                token("partner-epsm"),
                json(referral(
                        person(" " + familyName.toUpperCase().replace("È", "E"), "eloise", "1990-06-01"),
                        resourceId,
                        "second"))));
        JsonNode someoneElse = json(post(
                "/api/referrals",
                token("dr-martin"),
                json(referral(person(familyName, "Éloïse", "1990-06-02"), resourceId, "autre"))));

        String personRef = first.path("personRef").asString();
        assertThat(second.path("personRef").asString()).isEqualTo(personRef);
        assertThat(someoneElse.path("personRef").asString()).isNotEqualTo(personRef);
        Document stored = mongo.getCollection("persons")
                .find(new Document("_id", personRef))
                .first();
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain(familyName, "Éloïse", "1990");
    }

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyCreatesOneReferral() {
        String resourceId = registerWorkshop();
        String reason = "idempotent " + UUID.randomUUID();
        String body = json(referral(person("Martin", "Paul", "1970-01-01"), resourceId, reason));
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post("/api/referrals", token("dr-martin"), body, "Idempotency-Key", key);
        HttpResponse<String> replay = post("/api/referrals", token("dr-martin"), body, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(mongo.count(Query.query(Criteria.where("reason").is(reason)), "referrals"))
                .isEqualTo(1);
    }

    private String acceptedReferral() {
        String id = submitReferral("dr-martin", registerWorkshop()).path("id").asString();
        HttpResponse<String> accepted = post("/api/referrals/" + id + "/acceptance", token("coord-bievre"), null);
        assertThat(accepted.statusCode()).isEqualTo(200);
        return id;
    }

    private static Map<String, Object> confirmed(String referralId, JsonNode referral) {
        return Map.of(
                "enrolmentId",
                UUID.randomUUID().toString(),
                "groupId",
                UUID.randomUUID().toString(),
                "programmeId",
                referral == null
                        ? UUID.randomUUID().toString()
                        : referral.path("resourceId").asString(),
                "referralId",
                referralId,
                "personRef",
                referral == null
                        ? UUID.randomUUID().toString()
                        : referral.path("personRef").asString(),
                "territory",
                "bievre",
                "confirmedAt",
                "2026-11-23T10:00:00Z");
    }

    private static Map<String, Object> waitlisted(String referralId, int position) {
        return Map.of(
                "enrolmentId",
                UUID.randomUUID().toString(),
                "groupId",
                UUID.randomUUID().toString(),
                "programmeId",
                UUID.randomUUID().toString(),
                "referralId",
                referralId,
                "personRef",
                UUID.randomUUID().toString(),
                "territory",
                "bievre",
                "position",
                position,
                "waitlistedAt",
                "2026-11-23T10:00:00Z");
    }
}
