package fr.maillage.referral;

import static org.awaitility.Awaitility.await;

import fr.maillage.localstack.junit.LocalInfrastructure;
import fr.maillage.localstack.oidc.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
 * real local infrastructure, real HTTP with demo tokens, and real Kafka on both topics.
 */
@LocalInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ReferralServiceTestSupport {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final String REFERRAL_TOPIC = "referral.events.v1";
    protected static final String WORKSHOP_TOPIC = "workshop.events.v1";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KafkaProducer<String, String> producer;

    @LocalServerPort
    protected int port;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    @Autowired
    protected MongoTemplate mongo;

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    // ---- HTTP ----

    protected static String token(String demoName) {
        return TestTokens.demo(demoName).token();
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    protected HttpResponse<String> post(String path, String token, String body, String... headers) {
        HttpRequest.Builder request = request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected static String json(Object value) {
        return JSON.writeValueAsString(value);
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
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", eventId);
        envelope.put("source", "/maillage/workshop");
        envelope.put("type", type);
        envelope.put("subject", groupId);
        envelope.put("time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("territory", "bievre");
        envelope.put("audience", "lieu-dit msp-bievre");
        envelope.put("data", data);
        ProducerRecord<String, String> record = new ProducerRecord<>(WORKSHOP_TOPIC, groupId, json(envelope));
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot play " + type, e);
        }
        return eventId;
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            producer = new KafkaProducer<>(properties);
        }
        return producer;
    }

    /** Every record of {@code topic} whose key is {@code key}, once there are at least {@code count}. */
    protected List<ConsumerRecord<String, String>> recordsFor(String topic, String key, int count) {
        List<ConsumerRecord<String, String>> found = new CopyOnWriteArrayList<>();
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !consumer.partitionsFor(topic).isEmpty());
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                return found.size() >= count;
            });
        }
        return List.copyOf(found);
    }
}
