package fr.maillage.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.localstack.junit.LocalInfrastructure;
import fr.maillage.localstack.oidc.TestTokens;
import fr.maillage.platform.events.CloudEventCodec;
import fr.maillage.platform.events.EventOutbox;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.testing.EventSchemas;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the alert-service integration tests share: the real local infrastructure (Kafka broker, Mongo
 * wire server, test issuer), HTTP calls with demo (or hand-made) tokens, other services' events
 * played with a real producer, and {@code alert.events.v1} read with a real consumer. Tests use fresh
 * ids and person refs, so the classes share one broker, one database and one Spring context.
 */
@LocalInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AlertTestProperties
public abstract class AlertIntegrationSupport {

    public static final String ALERT_TOPIC = "alert.events.v1";
    public static final String WORKSHOP_TOPIC = "workshop.events.v1";
    public static final String REFERRAL_TOPIC = "referral.events.v1";

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final CloudEventCodec CODEC = CloudEventCodec.standalone();
    private static final EventOutbox OUTBOX = EventOutbox.standalone();

    @LocalServerPort
    protected int port;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private KafkaProducer<String, String> producer;

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        closeables.clear();
        producer = null;
    }

    // ---- callers

    /** The bearer token of a demo user or partner client ({@code coord-bievre}, {@code partner-epsm}, …). */
    protected static String token(String who) {
        return TestTokens.demo(who).token();
    }

    /** A facilitator who is not a clinician: no part in the alert circuit. */
    protected static String facilitatorOnly() {
        return TestTokens.user("facilitator-only")
                .roles("facilitator")
                .institution("lieu-dit")
                .territories("bievre")
                .token();
    }

    /** A coordinator of the given territories (fresh territories keep a test's queue to itself). */
    protected static String coordinatorOf(String... territories) {
        return TestTokens.user("coord-" + String.join("-", territories))
                .roles("coordinator")
                .institution("cpts-test")
                .territories(territories)
                .token();
    }

    /** A territory no other test uses. */
    protected static String freshTerritory() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String freshPersonRef() {
        return UUID.randomUUID().toString();
    }

    // ---- HTTP

    protected HttpResponse<String> post(String path, String token, String json) {
        return post(path, token, json, Map.of());
    }

    protected HttpResponse<String> post(String path, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request, token);
    }

    /** A POST with no body and no Content-Type at all. */
    protected HttpResponse<String> postWithoutBody(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), token);
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The {@code type} slug of a problem answer, e.g. {@code illegal-transition}. */
    protected static String problem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        return json(response).path("type").asString().replace("urn:maillage:problem:", "");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the alert circuit over HTTP

    /** Situation text only staff (and the raising partner) may ever read; never in an event or log. */
    protected static final String SITUATION = "Mme Ginette Lambert, 12 rue des Lilas, threatens to jump";

    protected static final String EMITTER_NAME = "Dr Xavier Poulain";
    protected static final String EMITTER_CONTACT = "04 74 20 20 20";
    protected static final String SUBJECT_DESCRIPTION = "woman about 40, lives alone above the bakery";

    /** A raising body; {@code riskFactors} as JSON names, {@code personRef} may be null (then a subject). */
    protected static String alertBody(String territory, String commune, String personRef, String... riskFactors) {
        String risks = String.join(
                ",",
                java.util.Arrays.stream(riskFactors).map(r -> "\"" + r + "\"").toList());
        return """
                {"channel":"PARTNER_API","territory":"%s","commune":%s,
                 "emitter":{"kind":"PARTNER_INSTITUTION","name":"%s","organisation":"EPSM de Bièvre",
                            "callbackContact":"%s","wantsFeedback":true},
                 "personRef":%s,
                 "subject":%s,
                 "situation":"%s","riskFactors":[%s],"personAware":true}""".formatted(
                territory,
                commune == null ? "null" : "\"" + commune + "\"",
                EMITTER_NAME,
                EMITTER_CONTACT,
                personRef == null ? "null" : "\"" + personRef + "\"",
                personRef == null ? "{\"description\":\"" + SUBJECT_DESCRIPTION + "\",\"approximateAge\":40}" : "null",
                SITUATION,
                risks);
    }

    /** Raises an alert (201 expected) and returns its view. */
    protected JsonNode raise(String token, String body) {
        HttpResponse<String> response = post("/api/alerts", token, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    /** A stable alert in bievre (suggested C: due in 24 h, nothing escalates it during a test), raised by partner-epsm. */
    protected String raiseStableAlert() {
        return raise(token("partner-epsm"), alertBody("bievre", "38130", freshPersonRef(), "PSYCHOTIC_SYMPTOMS"))
                .get("id")
                .asString();
    }

    protected JsonNode step(String alertId, String step, String token, String body) {
        HttpResponse<String> response = post("/api/alerts/" + alertId + "/" + step, token, body);
        assertThat(response.statusCode()).as(step + ": " + response.body()).isEqualTo(200);
        return json(response);
    }

    protected static final String QUALIFY_AS_SUGGESTED_C = """
            {"urgency":"C","responseLevel":"CMP_APPOINTMENT","rationale":"psychotic symptoms, known to the CMP"}""";
    protected static final String RESPONSE = """
            {"actions":["CONTACT_MADE","CMP_APPOINTMENT_GIVEN"],"summary":"Called her; appointment tomorrow 10:00"}""";
    protected static final String FEEDBACK = """
            {"message":"Seen by the CMP, appointment given","channel":"PARTNER_API"}""";
    protected static final String CLOSURE = """
            {"outcome":"RESOLVED"}""";

    /** A valid body of each step (the closure one waives no feedback). */
    protected static String stepBody(String step) {
        return switch (step) {
            case "qualification" -> QUALIFY_AS_SUGGESTED_C;
            case "assignment" -> "{}";
            case "response" -> RESPONSE;
            case "feedback" -> FEEDBACK;
            case "closure" -> CLOSURE;
            default -> throw new IllegalArgumentException(step);
        };
    }

    /** The steps coord-bievre takes, in order, to bring an alert to each state. */
    private static final List<String[]> CIRCUIT = List.of(
            new String[] {"QUALIFIED", "qualification"},
            new String[] {"ASSIGNED", "assignment"},
            new String[] {"RESPONDED", "response"},
            new String[] {"FEEDBACK_GIVEN", "feedback"},
            new String[] {"CLOSED", "closure"});

    /**
     * A stable alert (see {@link #raiseStableAlert()}) taken by coord-bievre to {@code state}: an
     * AlertStatus, or FEEDBACK_GIVEN (RESPONDED with feedback recorded).
     */
    protected String stableAlertIn(String state) {
        String id = raiseStableAlert();
        if (state.equals("RAISED")) {
            return id;
        }
        for (String[] step : CIRCUIT) {
            step(id, step[1], token("coord-bievre"), stepBody(step[1]));
            if (step[0].equals(state)) {
                return id;
            }
        }
        throw new IllegalArgumentException("No state " + state);
    }

    // ---- other services' events, played with a real producer

    /** The structured CloudEvent another service's relay would publish (the kit's own codec). */
    protected static String cloudEvent(String source, String type, String subject, String territory, Object data) {
        OutboundEvent event = OUTBOX.event(type, subject, territory, List.of(), data);
        return CODEC.write(event, source);
    }

    /** Sends a record as a relay does (CloudEvents content type) and waits for the broker's ack. */
    protected RecordMetadata play(String topic, String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        try {
            return producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits until the {@code alert-service} consumer group has committed past this record. */
    protected static void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("alert-service")
                        .partitionsToOffsetAndMetadata()
                        .get()
                        .get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            producer = new KafkaProducer<>(config);
            closeables.add(producer);
        }
        return producer;
    }

    protected static String bootstrapServers() {
        return LocalInfrastructure.Endpoints.kafkaBootstrapServers();
    }

    // ---- reading a topic with a real consumer

    /** Reads {@code topic} from its beginning; what it read accumulates across calls. */
    protected TopicReader read(String topic) {
        TopicReader reader = new TopicReader(topic);
        closeables.add(reader);
        return reader;
    }

    protected static final class TopicReader implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        private TopicReader(String topic) {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumer = new KafkaConsumer<>(config);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !consumer.partitionsFor(topic).isEmpty());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Every record read so far, after one more poll. */
        public List<ConsumerRecord<String, String>> records() {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return List.copyOf(seen);
        }

        /** Every record read so far about this alert (key = alert id), as JSON, duplicates included. */
        public List<JsonNode> recordsOf(String alertId) {
            return records().stream()
                    .filter(record -> alertId.equals(record.key()))
                    .map(record -> JSON.readTree(record.value()))
                    .toList();
        }

        /**
         * The events read so far about this alert, each once: delivery is at least once, and a
         * duplicate (the outbox relay racing a save) has the same CloudEvent id, which is what
         * consumers are idempotent on.
         */
        public List<JsonNode> eventsOf(String alertId) {
            Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
            for (JsonNode event : recordsOf(alertId)) {
                JsonNode first = byId.putIfAbsent(event.path("id").asString(), event);
                assertThat(first == null || first.equals(event))
                        .as("a duplicate delivery is the same event: %s", event)
                        .isTrue();
            }
            return List.copyOf(byId.values());
        }

        /** Waits until an event of this alert matches, then returns all of the alert's events. */
        public List<JsonNode> awaitEventOf(String alertId, Predicate<JsonNode> matching) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> eventsOf(alertId).stream().anyMatch(matching));
            return eventsOf(alertId);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    protected static Predicate<JsonNode> ofType(String type) {
        return event -> event.path("type").asString().equals(type);
    }

    protected static Predicate<JsonNode> escalatedTo(int level) {
        return event -> event.path("type").asString().equals("fr.maillage.alert.escalated.v1")
                && event.path("data").path("level").asInt() == level;
    }

    /**
     * The published contract: every event matches its schema and carries no situation, emitter
     * identity, subject description or risk factor.
     */
    protected static void assertPublishedContract(List<JsonNode> events) {
        assertThat(events).isNotEmpty();
        for (JsonNode event : events) {
            String type = event.path("type").asString();
            String data = event.path("data").toString();
            EventSchemas.assertValid(type, data);
            assertThat(event.toString())
                    .as(type)
                    .doesNotContain(SITUATION, "Lambert", "Lilas")
                    .doesNotContain(EMITTER_NAME, "Poulain", EMITTER_CONTACT, "EPSM de Bi")
                    .doesNotContain(SUBJECT_DESCRIPTION, "bakery")
                    .doesNotContain("SUICID", "PSYCHOTIC", "NO_SUPPORT", "AGITATION");
        }
    }
}
