package fr.maillage.referral;

import fr.maillage.localstack.junit.LocalInfrastructure;
import fr.maillage.platform.testing.EventPlayer;
import fr.maillage.platform.testing.ServiceHttp;
import fr.maillage.platform.testing.TopicReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the referral-service integration tests share: the running service on a random port against the
 * real local infrastructure, real HTTP with demo tokens, and real Kafka on both topics (the kit's
 * {@link ServiceHttp}, {@link EventPlayer} and {@link TopicReader}).
 */
@LocalInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ReferralServiceTestSupport {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final String REFERRAL_TOPIC = "referral.events.v1";
    protected static final String WORKSHOP_TOPIC = "workshop.events.v1";
    protected static final String WORKSHOP_SOURCE = "/maillage/workshop";

    private static EventPlayer player;

    @LocalServerPort
    protected int port;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    @Autowired
    protected MongoTemplate mongo;

    @AfterAll
    static void closeProducer() {
        if (player != null) {
            player.close();
            player = null;
        }
    }

    // ---- HTTP ----

    protected static String token(String demoName) {
        return ServiceHttp.demoToken(demoName);
    }

    protected HttpResponse<String> get(String path, String token) {
        return http().get(path, token);
    }

    /** A JSON POST; a null body is sent empty (still labelled JSON); {@code headers} as name/value pairs. */
    protected HttpResponse<String> post(String path, String token, String body, String... headers) {
        return http().post(path, token, body, headers);
    }

    /** This service's HTTP, for any method and header (the kit's {@link ServiceHttp}). */
    protected ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return ServiceHttp.json(response);
    }

    protected static String json(Object value) {
        return ServiceHttp.json(value);
    }

    // ---- the walking skeleton's requests ----

    protected static Map<String, Object> resource(String type, String institution, String territory) {
        return Map.of(
                "name", "Atelier santé mentale et travail",
                "type", type,
                "institution", institution,
                "territory", territory,
                "communes", List.of("38260"));
    }

    /** A WORKSHOP_PROGRAMME of lieu-dit in bievre, registered by coord-bievre; its id. */
    protected String registerWorkshop() {
        HttpResponse<String> response = post(
                "/api/resources", token("coord-bievre"), json(resource("WORKSHOP_PROGRAMME", "lieu-dit", "bievre")));
        if (response.statusCode() != 201) {
            throw new AssertionError("resource not registered: " + response.statusCode() + " " + response.body());
        }
        return json(response).path("id").asString();
    }

    protected static Map<String, Object> person(String familyName, String givenName, String birthDate) {
        return Map.of("familyName", familyName, "givenName", givenName, "birthDate", birthDate, "commune", "38260");
    }

    protected static Map<String, Object> referral(Map<String, Object> person, String resourceId, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("person", person);
        body.put("resourceId", resourceId);
        body.put("reason", reason);
        body.put("priority", "ROUTINE");
        body.put("consent", Map.of("given", true));
        return body;
    }

    /** A referral of a unique person to {@code resourceId} by {@code referrer}; the created referral. */
    protected JsonNode submitReferral(String referrer, String resourceId) {
        HttpResponse<String> response = post(
                "/api/referrals",
                token(referrer),
                json(referral(person("Testperson-" + UUID.randomUUID(), "Alex", "1987-04-12"), resourceId, "suivi")));
        if (response.statusCode() != 201) {
            throw new AssertionError("referral not submitted: " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    // ---- Kafka ----

    /** Plays a workshop-service event (structured CloudEvent JSON) onto {@code workshop.events.v1}; its id. */
    protected String playWorkshopEvent(String eventId, String type, String groupId, Map<String, Object> data) {
        player().play(
                        WORKSHOP_TOPIC,
                        WORKSHOP_SOURCE,
                        EventPlayer.event(
                                eventId,
                                Instant.now(),
                                type,
                                groupId,
                                "bievre",
                                List.of("lieu-dit", "msp-bievre"),
                                data));
        return eventId;
    }

    /** The event player (one producer), shared by the class's tests and closed after them. */
    protected EventPlayer player() {
        if (player == null) {
            player = new EventPlayer(bootstrapServers);
        }
        return player;
    }

    /** Every record of {@code topic} whose key is {@code key}, once there are at least {@code count}. */
    protected List<ConsumerRecord<String, String>> recordsFor(String topic, String key, int count) {
        try (TopicReader reader = TopicReader.fromBeginning(bootstrapServers, topic)) {
            return reader.awaitRecords(key, count);
        }
    }
}
