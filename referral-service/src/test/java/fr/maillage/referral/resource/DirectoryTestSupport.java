package fr.maillage.referral.resource;

import static org.awaitility.Awaitility.await;

import fr.maillage.platform.testing.TopicReader;
import fr.maillage.referral.ReferralServiceTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

/** What the directory's integration tests add to the service's test base: PUT, full resources, ETags. */
abstract class DirectoryTestSupport extends ReferralServiceTestSupport {

    /** A full CMP description of epsm-bievre in {@code territory}; callers adjust it. */
    static Map<String, Object> cmp(String name, String territory) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", "CMP");
        body.put("institution", "epsm-bievre");
        body.put("territory", territory);
        body.put("communes", List.of("38260", "38870"));
        body.put("minimumAge", 18);
        body.put("maximumAge", 64);
        body.put("eligibility", "Adultes du secteur de l'Isère, sur orientation médicale");
        body.put("languages", List.of("français", "anglais"));
        body.put("accessibility", "Plain-pied, ascenseur");
        body.put(
                "contact",
                Map.of(
                        "phone", "04 76 00 00 00",
                        "email", "cmp@epsm-bievre.example",
                        "website", "https://epsm-bievre.example/cmp",
                        "address", "1 rue de la Gare, 38260 La Côte-Saint-André"));
        body.put("openingHours", "lun-ven 9h-17h");
        return body;
    }

    /** A territory no other test uses, so searches in it see only this test's resources. */
    static String freshTerritory() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes {@code body} as {@code who}; the created resource. */
    JsonNode publish(String who, Map<String, Object> body) {
        HttpResponse<String> response = post("/api/resources", token(who), json(body));
        if (response.statusCode() != 201) {
            throw new AssertionError("resource not published: " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    /** A bievre CMP of epsm-bievre published by coord-bievre; its id. */
    String publishBievreCmp() {
        return publish("coord-bievre", cmp("CMP adultes " + UUID.randomUUID(), "bievre"))
                .path("id")
                .asString();
    }

    static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
    }

    String currentEtag(String id) {
        return etag(get("/api/resources/" + id, token("admin")));
    }

    HttpResponse<String> put(String path, String token, String body, String... headers) {
        return http().put(path, token, body, headers);
    }

    /** The {@code sub} of a demo caller's token (what the service records as who did it). */
    static String subOf(String who) {
        String payload = token(who).split("\\.")[1];
        return JSON.readTree(Base64.getUrlDecoder().decode(payload)).path("sub").asString();
    }

    /** The stored document once the outbox relay has published its events and let go (so it no longer changes by itself). */
    Document settled(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Document document = stored(id);
            return document.getList("pendingEvents", Object.class, List.of()).isEmpty()
                    && !document.containsKey("outboxLease");
        });
        return stored(id);
    }

    /**
     * The distinct events (by CloudEvent id) of {@code topic} keyed {@code key}, in order, once there are
     * {@code count}: the outbox delivers at least once, so a redelivery must neither count nor fail a test.
     */
    List<JsonNode> distinctEventsFor(String topic, String key, int count) {
        try (TopicReader reader = TopicReader.fromBeginning(bootstrapServers, topic)) {
            return reader.awaitHistory(key, count);
        }
    }

    /** The stored document, as Mongo holds it. */
    Document stored(String id) {
        return mongo.getCollection("resources").find(new Document("_id", id)).first();
    }
}
