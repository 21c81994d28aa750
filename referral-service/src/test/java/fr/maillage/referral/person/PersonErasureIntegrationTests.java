package fr.maillage.referral.person;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.localstack.oidc.DemoUsers;
import fr.maillage.platform.testing.EventSchemas;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code DELETE /api/persons/{ref}}: the identity goes, the pseudonymous record stays, everyone is told. */
class PersonErasureIntegrationTests extends PersonTestSupport {

    private static final String ERASED = "fr.maillage.referral.person-erased.v1";

    @Autowired
    CareTeams careTeams;

    private HttpResponse<String> erase(String personRef, String who, String reason) {
        return send(
                "DELETE",
                "/api/persons/" + personRef,
                token(who),
                reason == null ? null : json(Map.of("reason", reason)));
    }

    @Test
    void anErasedPersonsIdentityIsGoneTheirRecordStaysAndEveryInstitutionInvolvedIsTold() {
        Map<String, Object> identity = uniqueIdentity();
        String personRef = json(register("dr-martin", identity, "bievre"))
                .path("personRef")
                .asString();
        careTeams.add(
                personRef,
                new CareTeamMember(null, "epsm-bievre", CareTeamRole.TARGET_INSTITUTION, "referral:r"),
                "bievre",
                Instant.now());
        assertThat(post(
                                "/api/persons/" + personRef + "/consents",
                                token("dr-martin"),
                                json(Map.of("purpose", "REFERRAL", "institutions", List.of("lieu-dit"))))
                        .statusCode())
                .isEqualTo(201);

        HttpResponse<String> erased = erase(personRef, "admin", "demande de la personne (RGPD art. 17)");

        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(json(erased).path("personRef").asString()).isEqualTo(personRef);
        Document raw = mongo.getCollection("persons")
                .find(new Document("_id", personRef))
                .first();
        assertThat(raw).isNotNull();
        assertThat(raw.containsKey("encryptedIdentity")).isFalse();
        assertThat(raw.containsKey("blindIndex")).isFalse();
        assertThat(raw.get("erasedAt")).isNotNull();
        assertThat(raw.getList("careTeam", Document.class)).hasSize(2);
        assertThat(raw.getList("consents", Document.class)).hasSize(1);

        for (String who : List.of("dr-martin", "coord-bievre", "partner-epsm")) {
            assertThat(readIdentity(personRef, who, "suivi").statusCode())
                    .as(who)
                    .isEqualTo(404);
        }
        assertThat(erase(personRef, "admin", "encore").statusCode()).isEqualTo(404);

        ConsumerRecord<String, String> published = recordsFor(REFERRAL_TOPIC, personRef, 2).stream()
                .filter(record ->
                        JSON.readTree(record.value()).path("type").asString().equals(ERASED))
                .findFirst()
                .orElseThrow();
        JsonNode event = JSON.readTree(published.value());
        EventSchemas.assertValid(ERASED, event.path("data").toString());
        assertThat(event.path("subject").asString()).isEqualTo(personRef);
        assertThat(event.path("data").path("personRef").asString()).isEqualTo(personRef);
        assertThat(event.path("data").path("erasedAt").asString())
                .isEqualTo(json(erased).path("erasedAt").asString());
        assertThat(event.path("audience").asString().split(" "))
                .containsExactlyInAnyOrder("epsm-bievre", "lieu-dit", "msp-bievre");
        assertThat(published.value()).doesNotContain((String) identity.get("familyName"), "Camille", "1984");

        // The erasure is in the trail, with its reason, next to the refused reads.
        JsonNode log = json(get("/api/persons/" + personRef + "/access-log", token("admin")));
        assertThat(log.path("items")).anySatisfy(entry -> {
            assertThat(entry.path("action").asString()).isEqualTo("erase");
            assertThat(entry.path("whoId").asString()).isEqualTo(DemoUsers.ADMIN_ID.toString());
            assertThat(entry.path("reason").asString()).isEqualTo("demande de la personne (RGPD art. 17)");
        });

        // Found again, the same identity is a new person: nothing links them to the erased record.
        HttpResponse<String> again = register("dr-martin", identity, "bievre");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json(again).path("personRef").asString()).isNotEqualTo(personRef);
    }

    @Test
    void erasureIsForAdminsWithAReason() {
        String personRef = registerNew("dr-martin");

        for (String who : List.of("dr-martin", "coord-bievre", "partner-epsm", "copil-bievre")) {
            assertThat(erase(personRef, who, "raison").statusCode()).as(who).isEqualTo(403);
        }
        HttpResponse<String> noReason = erase(personRef, "admin", null);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json(noReason).path("type").asString()).isEqualTo("urn:maillage:problem:erasure-reason-required");
        assertThat(erase(personRef, "admin", "  ").statusCode()).isEqualTo(400);
        assertThat(readIdentity(personRef, "dr-martin", "toujours là").statusCode())
                .isEqualTo(200);

        HttpResponse<String> byHeader = send(
                "DELETE",
                "/api/persons/" + personRef,
                token("admin"),
                null,
                "X-Erasure-Reason",
                "demande%20écrite".replace("é", "%C3%A9"));
        assertThat(byHeader.statusCode()).isEqualTo(200);
        assertThat(erase(UUID.randomUUID().toString(), "admin", "inconnu").statusCode())
                .isEqualTo(404);
        assertThat(json(get("/api/persons/" + personRef + "/access-log", token("admin")))
                        .path("items")
                        .get(0)
                        .path("reason")
                        .asString())
                .isEqualTo("demande écrite");
    }

    @Test
    void anErasedPersonIsUnknownToConsentsAndCareTeams() {
        String personRef = registerNew("dr-martin");
        assertThat(erase(personRef, "admin", "demande").statusCode()).isEqualTo(200);

        assertThat(get("/api/persons/" + personRef + "/care-team", token("dr-martin"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/api/persons/" + personRef + "/consents", token("dr-martin"))
                        .statusCode())
                .isEqualTo(404);
        careTeams.add(
                personRef,
                new CareTeamMember("someone", "lieu-dit", CareTeamRole.REFERRER, "referral:late"),
                "bievre",
                Instant.now());
        Document raw = mongo.getCollection("persons")
                .find(new Document("_id", personRef))
                .first();
        assertThat(raw.getList("careTeam", Document.class)).hasSize(1);
    }
}
