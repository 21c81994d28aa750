package fr.maillage.referral.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.localstack.oidc.DemoUsers;
import fr.maillage.platform.testing.EventSchemas;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Consents over HTTP and through the {@link Consents} bean, and the events they publish. */
class ConsentIntegrationTests extends PersonTestSupport {

    private static final String RECORDED = "fr.maillage.referral.consent-recorded.v1";
    private static final String WITHDRAWN = "fr.maillage.referral.consent-withdrawn.v1";

    @Autowired
    Consents consents;

    @Test
    void aConsentIsRecordedListedWithdrawnOnceAndPublishedBothTimes() {
        String personRef = registerNew("dr-martin");
        String resourceId = UUID.randomUUID().toString();

        HttpResponse<String> recorded = post(
                "/api/persons/" + personRef + "/consents",
                token("dr-martin"),
                json(Map.of(
                        "purpose",
                        "REFERRAL",
                        "institutions",
                        List.of("epsm-bievre"),
                        "resources",
                        List.of(resourceId))));

        assertThat(recorded.statusCode()).isEqualTo(201);
        JsonNode consent = json(recorded);
        String consentId = consent.path("id").asString();
        assertThat(recorded.headers().firstValue("Location"))
                .hasValue("/api/persons/" + personRef + "/consents/" + consentId);
        assertThat(consent.path("purpose").asString()).isEqualTo("REFERRAL");
        assertThat(consent.path("recordedBy").asString()).isEqualTo(DemoUsers.DR_MARTIN_ID.toString());
        assertThat(consent.path("recordedByInstitution").asString()).isEqualTo("msp-bievre");
        assertThat(consent.path("active").asBoolean()).isTrue();
        assertThat(consents.covering(personRef, resourceId, "another-institution", Instant.now()))
                .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(consentId));
        assertThat(consents.covering(personRef, "other-resource", "epsm-bievre", Instant.now()))
                .isPresent();

        JsonNode listed = json(get("/api/persons/" + personRef + "/consents", token("coord-bievre")));
        assertThat(listed)
                .singleElement()
                .satisfies(item -> assertThat(item.path("id").asString()).isEqualTo(consentId));

        HttpResponse<String> withdrawn = post(
                "/api/persons/" + personRef + "/consents/" + consentId + "/withdrawal", token("coord-bievre"), null);
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(json(withdrawn).path("active").asBoolean()).isFalse();
        assertThat(json(withdrawn).path("withdrawnBy").asString()).isEqualTo(DemoUsers.COORD_BIEVRE_ID.toString());
        assertThat(consents.covering(personRef, resourceId, "epsm-bievre", Instant.now()))
                .isEmpty();

        HttpResponse<String> again =
                post("/api/persons/" + personRef + "/consents/" + consentId + "/withdrawal", token("dr-martin"), null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("currentState").asString()).isEqualTo("WITHDRAWN");

        List<ConsumerRecord<String, String>> records = recordsFor(REFERRAL_TOPIC, personRef, 2);
        List<JsonNode> events = records.stream()
                .map(record -> JSON.readTree(record.value()))
                .filter(event -> event.path("data").path("consentId").asString().equals(consentId))
                .toList();
        assertThat(events).extracting(event -> event.path("type").asString()).contains(RECORDED, WITHDRAWN);
        for (JsonNode event : events) {
            EventSchemas.assertValid(
                    event.path("type").asString(), event.path("data").toString());
            assertThat(event.path("subject").asString()).isEqualTo(personRef);
            assertThat(event.path("territory").asString()).isEqualTo("bievre");
            assertThat(event.path("audience").asString()).isEqualTo("epsm-bievre msp-bievre");
            assertThat(event.toString()).doesNotContain("Testperson", "Camille", "1984");
        }
        JsonNode recordedEvent = events.stream()
                .filter(event -> event.path("type").asString().equals(RECORDED))
                .findFirst()
                .orElseThrow();
        assertThat(recordedEvent.path("data").path("resources").get(0).asString())
                .isEqualTo(resourceId);
        assertThat(recordedEvent.path("data").path("purpose").asString()).isEqualTo("REFERRAL");
    }

    @Test
    void onlyThoseWhoMaySeeThePersonRecordOrReadConsents() {
        String personRef = registerNew("dr-martin");
        String body = json(Map.of("purpose", "CARE_TEAM_SHARING", "institutions", List.of("dac-lyon")));

        for (String outsider : List.of("partner-dac", "coord-lyon", "copil-bievre", "admin", "psy-durand")) {
            assertThat(post("/api/persons/" + personRef + "/consents", token(outsider), body)
                            .statusCode())
                    .as(outsider)
                    .isEqualTo(404);
            assertThat(get("/api/persons/" + personRef + "/consents", token(outsider))
                            .statusCode())
                    .as(outsider)
                    .isEqualTo(404);
        }
        assertThat(json(get("/api/persons/" + personRef + "/consents", token("dr-martin"))))
                .isEmpty();
        HttpResponse<String> recorded = post("/api/persons/" + personRef + "/consents", token("coord-bievre"), body);
        assertThat(recorded.statusCode()).isEqualTo(201);
        String withdrawal = "/api/persons/" + personRef + "/consents/"
                + json(recorded).path("id").asString() + "/withdrawal";
        for (String outsider : List.of("partner-dac", "coord-lyon", "copil-bievre", "admin")) {
            assertThat(post(withdrawal, token(outsider), null).statusCode())
                    .as(outsider)
                    .isEqualTo(404);
        }
        assertThat(json(get("/api/persons/" + personRef + "/consents", token("dr-martin")))
                        .get(0)
                        .path("active")
                        .asBoolean())
                .isTrue();
        assertThat(post(
                                "/api/persons/" + personRef + "/consents/" + UUID.randomUUID() + "/withdrawal",
                                token("dr-martin"),
                                null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aConsentMustCoverSomethingAndNameAKnownPurpose() {
        String personRef = registerNew("dr-martin");
        String path = "/api/persons/" + personRef + "/consents";

        HttpResponse<String> empty = post(path, token("dr-martin"), json(Map.of("purpose", "REFERRAL")));
        HttpResponse<String> unknownPurpose =
                post(path, token("dr-martin"), json(Map.of("purpose", "MARKETING", "institutions", List.of("x"))));
        HttpResponse<String> badInstitution = post(
                path, token("dr-martin"), json(Map.of("purpose", "REFERRAL", "institutions", List.of("Not Valid"))));

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).path("type").asString()).isEqualTo("urn:maillage:problem:consent-scope-required");
        assertThat(unknownPurpose.statusCode()).isEqualTo(400);
        assertThat(badInstitution.statusCode()).isEqualTo(400);
        assertThat(json(get(path, token("dr-martin")))).isEmpty();
    }

    @Test
    void theConsentsBeanRecordsForKnownPersonsOnly() {
        String personRef = registerNew("dr-martin");
        ConsentRequest request = new ConsentRequest(ConsentPurpose.REFERRAL, Set.of("lieu-dit"), Set.of());
        Recorder recorder = new Recorder(DemoUsers.DR_MARTIN_ID.toString(), "msp-bievre");

        ConsentRecord recorded = consents.record(personRef, request, recorder, Instant.now());

        assertThat(recorded.personRef()).isEqualTo(personRef);
        assertThat(consents.covering(personRef, null, "lieu-dit", Instant.now()))
                .contains(recorded);
        assertThatThrownBy(() -> consents.record(UUID.randomUUID().toString(), request, recorder, Instant.now()))
                .isInstanceOf(UnknownPersonException.class);
        assertThat(consents.covering(UUID.randomUUID().toString(), null, "lieu-dit", Instant.now()))
                .isEmpty();
    }
}
