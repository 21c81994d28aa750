package fr.maillage.referral.resource;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.testing.EventSchemas;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the directory publishes on {@code referral.events.v1}, read back from the real broker. */
class ResourceEventsIntegrationTests extends DirectoryTestSupport {

    @Test
    void aResourcesLifeIsPublishedToItsInstitutionInOrderWithoutContactDetails() {
        Map<String, Object> body = cmp("CMP adultes de l'Isère", "bievre");
        body.put("capacity", Map.of("available", 2, "maximum", 10));
        String id = publish("coord-bievre", body).path("id").asString();
        Map<String, Object> closed = cmp("CMP adultes de l'Isère", "bievre");
        closed.put("status", "TEMPORARILY_CLOSED");
        assertThat(put("/api/resources/" + id, token("coord-bievre"), json(closed), "If-Match", "\"0\"")
                        .statusCode())
                .isEqualTo(200);
        // A verification changes nothing others need: no event (the next one proves it, order is per key).
        assertThat(post("/api/resources/" + id + "/verification", token("coord-bievre"), null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(put(
                                "/api/resources/" + id + "/capacity",
                                token("partner-epsm"),
                                json(Map.of("available", 0, "maximum", 10)),
                                "If-Match",
                                "\"2\"")
                        .statusCode())
                .isEqualTo(200);

        List<JsonNode> events = distinctEventsFor(REFERRAL_TOPIC, id, 3);

        assertThat(events)
                .extracting(event -> event.path("type").asString())
                .containsExactly(
                        "fr.maillage.referral.resource-published.v1",
                        "fr.maillage.referral.resource-updated.v1",
                        "fr.maillage.referral.resource-updated.v1");
        for (JsonNode event : events) {
            assertThat(event.path("subject").asString()).isEqualTo(id);
            assertThat(event.path("source").asString()).isEqualTo("/maillage/referral");
            assertThat(event.path("territory").asString()).isEqualTo("bievre");
            assertThat(event.path("audience").asString()).isEqualTo("epsm-bievre");
            EventSchemas.assertValid(
                    event.path("type").asString(), event.path("data").toString());
            assertThat(event.path("data").toString())
                    .doesNotContain("04 76", "cmp@epsm-bievre.example", "rue de la Gare", "orientation");
        }
        JsonNode published = events.get(0).path("data");
        assertThat(published.path("resourceId").asString()).isEqualTo(id);
        assertThat(published.path("name").asString()).isEqualTo("CMP adultes de l'Isère");
        assertThat(published.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(published.path("minimumAge").asInt()).isEqualTo(18);
        assertThat(published.path("capacityAvailable").asInt()).isEqualTo(2);
        assertThat(published.has("publishedAt")).isTrue();
        assertThat(events.get(1).path("data").path("status").asString()).isEqualTo("TEMPORARILY_CLOSED");
        assertThat(events.get(1).path("data").path("capacityAvailable").asInt()).isEqualTo(2);
        assertThat(events.get(2).path("data").path("capacityAvailable").asInt()).isZero();
        assertThat(events.get(2).path("data").path("capacityMaximum").asInt()).isEqualTo(10);
        assertThat(events.get(2).path("data").has("updatedAt")).isTrue();
    }

    @Test
    void theWalkingSkeletonsResourceIsPublishedWithOpenBoundsAndNoCapacity() {
        String id = registerWorkshop();

        JsonNode event =
                JSON.readTree(recordsFor(REFERRAL_TOPIC, id, 1).getFirst().value());

        assertThat(event.path("type").asString()).isEqualTo("fr.maillage.referral.resource-published.v1");
        assertThat(event.path("audience").asString()).isEqualTo("lieu-dit");
        assertThat(event.path("data").path("type").asString()).isEqualTo("WORKSHOP_PROGRAMME");
        assertThat(event.path("data").path("minimumAge").isNull()).isTrue();
        assertThat(event.path("data").path("capacityAvailable").isNull()).isTrue();
        EventSchemas.assertValid(
                event.path("type").asString(), event.path("data").toString());
    }
}
