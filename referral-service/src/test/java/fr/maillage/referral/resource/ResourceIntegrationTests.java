package fr.maillage.referral.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The directory over HTTP: publishing, reading, describing, verifying and telling capacity. */
class ResourceIntegrationTests extends DirectoryTestSupport {

    @Autowired
    ResourceSearchRepository searchRepository;

    @Test
    void aPublishedResourceIsActiveFreshAndReadableAtItsLocationWithAllItsDetails() {
        Map<String, Object> body = cmp("CMP adultes de l'Isère", "bievre");
        body.put("capacity", Map.of("available", 2, "maximum", 10));
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        HttpResponse<String> created = post("/api/resources", token("coord-bievre"), json(body));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode resource = json(created);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/resources/" + resource.path("id").asString());
        assertThat(etag(created)).isEqualTo("\"0\"");

        HttpResponse<String> read = get(location, token("partner-dac"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(etag(read)).isEqualTo("\"0\"");
        JsonNode view = json(read);
        assertThat(view.path("name").asString()).isEqualTo("CMP adultes de l'Isère");
        assertThat(view.path("type").asString()).isEqualTo("CMP");
        assertThat(view.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(view.path("takesReferrals").asBoolean()).isTrue();
        assertThat(view.path("communes").toString()).isEqualTo("[\"38260\",\"38870\"]");
        assertThat(view.path("minimumAge").asInt()).isEqualTo(18);
        assertThat(view.path("maximumAge").asInt()).isEqualTo(64);
        assertThat(view.path("languages").toString()).isEqualTo("[\"français\",\"anglais\"]");
        assertThat(view.path("eligibility").asString()).contains("l'Isère");
        assertThat(view.path("accessibility").asString()).isEqualTo("Plain-pied, ascenseur");
        assertThat(view.path("contact").path("phone").asString()).isEqualTo("04 76 00 00 00");
        assertThat(view.path("contact").path("website").asString()).isEqualTo("https://epsm-bievre.example/cmp");
        assertThat(view.path("openingHours").asString()).isEqualTo("lun-ven 9h-17h");
        assertThat(view.path("capacity").path("available").asInt()).isEqualTo(2);
        assertThat(view.path("capacity").path("maximum").asInt()).isEqualTo(10);
        assertThat(Instant.parse(view.path("capacity").path("updatedAt").asString()))
                .isAfterOrEqualTo(before);
        // Creation is a verification by its author.
        assertThat(view.path("lastVerifiedBy").asString()).isEqualTo(subOf("coord-bievre"));
        assertThat(Instant.parse(view.path("lastVerifiedAt").asString())).isAfterOrEqualTo(before);
        assertThat(view.path("stale").asBoolean()).isFalse();
        assertThat(view.has("keywords")).isFalse();
        assertThat(stored(view.path("id").asString()).getList("keywords", String.class))
                .contains("cmp", "adultes", "isere", "epsm", "bievre", "francais", "anglais");
    }

    @Test
    void theWalkingSkeletonsMinimalBodyStillPublishesAnActiveResource() {
        HttpResponse<String> created = post(
                "/api/resources", token("coord-bievre"), json(resource("WORKSHOP_PROGRAMME", "lieu-dit", "bievre")));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode view = json(created);
        assertThat(view.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(view.path("minimumAge").isNull()).isTrue();
        assertThat(view.path("capacity").isNull()).isTrue();
        assertThat(view.path("contact").isNull()).isTrue();
    }

    @Test
    void aDescriptionIsReplacedWithTheCurrentETagAndKeepsStatusAndCapacityWhenOmitted() {
        Map<String, Object> body = cmp("CMP adultes " + UUID.randomUUID(), "bievre");
        body.put("capacity", Map.of("available", 4));
        String id = publish("coord-bievre", body).path("id").asString();
        Map<String, Object> changed = cmp("CMP adultes et jeunes adultes", "bievre");
        changed.put("minimumAge", 16);
        changed.remove("contact");
        changed.remove("languages");

        HttpResponse<String> updated =
                put("/api/resources/" + id, token("coord-bievre"), json(changed), "If-Match", "\"0\"");

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(etag(updated)).isEqualTo("\"1\"");
        JsonNode view = json(updated);
        assertThat(view.path("name").asString()).isEqualTo("CMP adultes et jeunes adultes");
        assertThat(view.path("minimumAge").asInt()).isEqualTo(16);
        assertThat(view.path("contact").isNull()).isTrue();
        assertThat(view.path("languages").isEmpty()).isTrue();
        assertThat(view.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(view.path("capacity").path("available").asInt()).isEqualTo(4);
        assertThat(stored(id).getList("keywords", String.class))
                .contains("jeunes")
                .doesNotContain("anglais");
    }

    @Test
    void anInactiveResourceIsListedOnlyWhenAskedForAndTakesNoReferrals() {
        String name = "CMP fermeture " + UUID.randomUUID();
        String id = publish("coord-bievre", cmp(name, "bievre")).path("id").asString();
        Map<String, Object> closed = cmp(name, "bievre");
        closed.put("status", "INACTIVE");

        HttpResponse<String> updated =
                put("/api/resources/" + id, token("admin"), json(closed), "If-Match", currentEtag(id));

        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).path("takesReferrals").asBoolean()).isFalse();
        String q = "/api/resources?q=" + name.substring(name.lastIndexOf(' ') + 1);
        assertThat(json(get(q, token("dr-martin"))).path("totalItems").asLong()).isZero();
        assertThat(json(get(q + "&status=INACTIVE", token("dr-martin")))
                        .path("items")
                        .get(0)
                        .path("id")
                        .asString())
                .isEqualTo(id);
    }

    @Test
    void whatAGetAnswersCanBeSentBackAsItIsToReplaceTheDescription() {
        String id = publishBievreCmp();
        HttpResponse<String> read = get("/api/resources/" + id, token("coord-bievre"));
        ObjectNode edited = (ObjectNode) json(read);
        edited.put("openingHours", "lun-sam 8h-20h");

        HttpResponse<String> updated =
                put("/api/resources/" + id, token("coord-bievre"), edited.toString(), "If-Match", etag(read));

        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json(updated).path("openingHours").asString()).isEqualTo("lun-sam 8h-20h");
        assertThat(json(updated).path("contact")).isEqualTo(edited.path("contact"));
    }

    @Test
    void theSameDescriptionAgainWritesNothing() {
        Map<String, Object> body = cmp("CMP adultes " + UUID.randomUUID(), "bievre");
        String id = publish("coord-bievre", body).path("id").asString();

        HttpResponse<String> updated =
                put("/api/resources/" + id, token("coord-bievre"), json(body), "If-Match", "\"0\"");

        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(etag(updated)).isEqualTo("\"0\"");
    }

    @Test
    void aRecordNotVerifiedForSixMonthsIsFlaggedStaleUntilACoordinatorVerifiesIt() {
        String territory = freshTerritory();
        String id = publish("admin", cmp("CMP ancien", territory)).path("id").asString();
        Instant sevenMonthsAgo = Instant.now().minus(Duration.ofDays(210));
        settled(id);
        mongo.getCollection("resources")
                .updateOne(
                        new Document("_id", id),
                        new Document("$set", new Document("lastVerifiedAt", Date.from(sevenMonthsAgo))));

        assertThat(json(get("/api/resources/" + id, token("dr-martin")))
                        .path("stale")
                        .asBoolean())
                .isTrue();
        JsonNode listed = json(get("/api/resources?territory=" + territory, token("dr-martin")));
        assertThat(listed.path("items").get(0).path("stale").asBoolean()).isTrue();
        assertThat(json(get("/api/resources?stale=true&territory=" + territory, token("admin")))
                        .path("totalItems")
                        .asLong())
                .isEqualTo(1);

        HttpResponse<String> verified = post("/api/resources/" + id + "/verification", token("admin"), null);

        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(json(verified).path("stale").asBoolean()).isFalse();
        assertThat(json(verified).path("lastVerifiedBy").asString()).isEqualTo(subOf("admin"));
        assertThat(Instant.parse(json(verified).path("lastVerifiedAt").asString()))
                .isAfter(Instant.now().minusSeconds(60));
        assertThat(json(get("/api/resources?stale=true&territory=" + territory, token("admin")))
                        .path("totalItems")
                        .asLong())
                .isZero();
        assertThat(json(get("/api/resources?stale=false&territory=" + territory, token("admin")))
                        .path("totalItems")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void theResourcesInstitutionTellsItsFreePlacesAndTheSearchFollows() {
        String territory = freshTerritory();
        String id = publish("admin", cmp("CMP places", territory)).path("id").asString();
        String available = "/api/resources?available=true&territory=" + territory;
        assertThat(json(get(available, token("dr-martin"))).path("totalItems").asLong())
                .isZero();

        HttpResponse<String> told = put(
                "/api/resources/" + id + "/capacity",
                token("partner-epsm"),
                json(Map.of("available", 3, "maximum", 12)),
                "If-Match",
                "\"0\"");

        assertThat(told.statusCode()).as(told.body()).isEqualTo(200);
        assertThat(etag(told)).isEqualTo("\"1\"");
        assertThat(json(told).path("capacity").path("available").asInt()).isEqualTo(3);
        assertThat(json(told).path("capacity").path("maximum").asInt()).isEqualTo(12);
        assertThat(json(get(available, token("dr-martin")))
                        .path("items")
                        .get(0)
                        .path("id")
                        .asString())
                .isEqualTo(id);

        HttpResponse<String> full = put(
                "/api/resources/" + id + "/capacity",
                token("partner-epsm"),
                json(Map.of("available", 0, "maximum", 12)),
                "If-Match",
                etag(told));

        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(json(get(available, token("dr-martin"))).path("totalItems").asLong())
                .isZero();
    }

    @Test
    void recordsStoredBeforeTheDirectoryHadKeywordsAreIndexedAndFound() {
        String id = UUID.randomUUID().toString();
        String word = "ancien" + UUID.randomUUID().toString().substring(0, 6);
        mongo.getCollection("resources")
                .insertOne(new Document("_id", id)
                        .append("name", "Atelier " + word)
                        .append("type", "WORKSHOP_PROGRAMME")
                        .append("institution", "lieu-dit")
                        .append("territory", "bievre")
                        .append("communes", List.of("38260"))
                        .append("status", "ACTIVE")
                        .append("registeredAt", new Date())
                        .append("version", 0L)
                        .append("pendingEvents", List.of()));

        searchRepository.indexOlderRecords();

        JsonNode found = json(get("/api/resources?q=" + word, token("dr-martin")));
        assertThat(found.path("items").get(0).path("id").asString()).isEqualTo(id);
        // Never verified: flagged.
        assertThat(found.path("items").get(0).path("stale").asBoolean()).isTrue();
    }

    @Test
    void anUnknownResourceIsNotFoundAndAnonymousCallersAreRefused() {
        String unknown = "/api/resources/" + UUID.randomUUID();
        assertThat(get(unknown, token("admin")).statusCode()).isEqualTo(404);
        assertThat(put(unknown, token("admin"), json(cmp("CMP", "bievre")), "If-Match", "\"0\"")
                        .statusCode())
                .isEqualTo(404);
        assertThat(post(unknown + "/verification", token("admin"), null).statusCode())
                .isEqualTo(404);
        assertThat(put(unknown + "/capacity", token("admin"), json(Map.of("available", 1)), "If-Match", "\"0\"")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/api/resources/" + registerWorkshop(), null).statusCode())
                .isEqualTo(401);
        assertThat(get("/api/resources", null).statusCode()).isEqualTo(401);
    }
}
