package fr.maillage.workshop;

import static org.awaitility.Awaitility.await;

import fr.maillage.localstack.junit.LocalInfrastructure;
import fr.maillage.localstack.oidc.DemoUsers;
import fr.maillage.localstack.oidc.TestTokens;
import fr.maillage.platform.events.CloudEventCodec;
import fr.maillage.platform.events.EventOutbox;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the workshop-service integration tests share: the real local infrastructure, HTTP calls with
 * demo tokens, referral-service's events played into {@code referral.events.v1} with a real
 * producer, and {@code workshop.events.v1} read with a real consumer. Every test uses fresh ids, so
 * the classes can share one broker, one database and one Spring context.
 */
@LocalInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(WorkshopIntegrationSupport.TestClock.class)
public abstract class WorkshopIntegrationSupport {

    /**
     * The service's clock in every integration test: starts at the real time and only moves when a
     * test moves it ({@link #clock}), so a session's start or a group's end is reached at once. Tests
     * share the context: move it forward only, and plan with fresh facilitators or venues.
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return MutableClock.startingNow();
        }
    }

    @Autowired
    protected MutableClock clock;

    public static final String REFERRAL_TOPIC = "referral.events.v1";
    public static final String WORKSHOP_TOPIC = "workshop.events.v1";
    public static final String PSY_DURAND = DemoUsers.PSY_DURAND_ID.toString();
    public static final String IDE_BERNARD = DemoUsers.IDE_BERNARD_ID.toString();

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

    // ---- HTTP

    protected HttpResponse<String> post(String path, String who, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(authorised(request, who));
    }

    protected HttpResponse<String> get(String path, String who) {
        return send(authorised(HttpRequest.newBuilder(uri(path)).GET(), who));
    }

    protected HttpResponse<String> put(String path, String who, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        return send(authorised(request, who));
    }

    // ---- groups, planned so that tests sharing the demo facilitators never clash

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Days between two blocks of first sessions: more than a default calendar lasts (15 weekly entries + holidays). */
    static final int BLOCK_DAYS = 182;

    private static final int SLOTS_PER_DAY = 6; // 08:00, 10:00, ... 18:00: two-hour sessions that only touch
    private static final int SLOTS_PER_BLOCK = 7 * SLOTS_PER_DAY;
    private static LocalDate blockStart;
    private static int slotInBlock;

    /**
     * A first-session time (Paris) no other group of this test run starts at. Every group of a block
     * starts within the same week, each on its own weekday and two-hour slot, so their weekly (or
     * fortnightly) sessions never overlap, even on the same facilitators and with holidays moved on;
     * blocks are {@value #BLOCK_DAYS} days apart, further than a default calendar lasts. When the shared
     * clock has been moved past a block, the next slot is taken in the first block still ahead.
     * Holds for programmes with the default settings (sessions of at most two hours, up to 15 entries).
     */
    protected LocalDateTime nextFirstSession() {
        LocalDateTime earliest = LocalDateTime.ofInstant(clock.instant(), PARIS).plusDays(1);
        synchronized (WorkshopIntegrationSupport.class) {
            if (blockStart == null) {
                blockStart = earliest.toLocalDate().plusDays(7);
            }
            while (true) {
                if (slotInBlock >= SLOTS_PER_BLOCK) {
                    blockStart = blockStart.plusDays(BLOCK_DAYS);
                    slotInBlock = 0;
                }
                LocalDateTime candidate = blockStart
                        .plusDays(slotInBlock / SLOTS_PER_DAY)
                        .atTime(8 + 2 * (slotInBlock % SLOTS_PER_DAY), 0);
                if (candidate.isAfter(earliest)) {
                    slotInBlock++;
                    return candidate;
                }
                // The clock went past this block (a test reached a session): its groups may still run.
                blockStart = blockStart.plusDays(BLOCK_DAYS);
                slotInBlock = 0;
            }
        }
    }

    /** A room no other test uses. */
    protected static String freshVenue() {
        return "Salle " + UUID.randomUUID();
    }

    /** The demo pair: psy-durand (clinical psychologist) and ide-bernard (nurse). */
    protected static String demoFacilitators() {
        return facilitators(PSY_DURAND, IDE_BERNARD);
    }

    /** A facilitators JSON array of two (or more, or fewer) ids, each with a profession. */
    protected static String facilitators(String... ids) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            items.add("{\"id\":\"%s\",\"profession\":\"%s\"}"
                    .formatted(ids[i], i % 2 == 0 ? "clinical-psychologist" : "nurse"));
        }
        return "[" + String.join(",", items) + "]";
    }

    /** Body of a group with the two demo facilitators, in a fresh room, at a first-session time of its own. */
    protected String groupBody(String programmeId, int capacity) {
        return groupBody(programmeId, capacity, demoFacilitators(), freshVenue(), nextFirstSession());
    }

    protected static String groupBody(
            String programmeId, int capacity, String facilitators, String venue, LocalDateTime firstSessionAt) {
        return """
                {"programmeId":"%s","capacity":%d,"facilitators":%s,"venue":"%s","firstSessionAt":"%s"}""".formatted(programmeId, capacity, facilitators, venue, firstSessionAt);
    }

    /** Opens a group as {@code coord-bievre} and returns its id. */
    protected String openGroup(String programmeId, int capacity) {
        return schedule(groupBody(programmeId, capacity));
    }

    /** Schedules a group as {@code coord-bievre} with this body and returns its id. */
    protected String schedule(String body) {
        HttpResponse<String> response = post("/api/workshops/groups", "coord-bievre", body);
        if (response.statusCode() != 201) {
            throw new AssertionError("Opening a group answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).get("id").asString();
    }

    /** Moves the shared clock forward to {@code instant} (never back: other tests' groups rely on it). */
    protected void advanceTo(Instant instant) {
        Duration ahead = Duration.between(clock.instant(), instant);
        if (!ahead.isNegative()) {
            clock.advance(ahead);
        }
    }

    protected JsonNode groupAsAdmin(String groupId) {
        return json(get("/api/workshops/groups/" + groupId, "admin"));
    }

    /** The enrolment of a referral as shown by {@code GET /api/workshops/groups/{id}}, or null. */
    protected JsonNode enrolmentOf(String groupId, String referralId) {
        for (JsonNode enrolment : groupAsAdmin(groupId).get("enrolments")) {
            if (referralId.equals(enrolment.path("referralId").stringValue(null))) {
                return enrolment;
            }
        }
        return null;
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpRequest authorised(HttpRequest.Builder request, String who) {
        if (who != null) {
            request.header("Authorization", TestTokens.demo(who).bearer());
        }
        return request.build();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- referral-service's events, played with a real producer

    /** The structured CloudEvent referral-service would publish (built with the kit's own codec). */
    protected static String referralEvent(
            String type, String subject, String territory, Set<String> audience, Object data) {
        OutboundEvent event = OUTBOX.event(type, subject, territory, audience, data);
        return CODEC.write(event, "/maillage/referral");
    }

    /** The same, dated {@code time} (to play events out of order). */
    protected static String referralEventAt(
            Instant time, String type, String subject, String territory, Set<String> audience, Object data) {
        OutboundEvent event = OUTBOX.event(type, subject, territory, audience, data);
        OutboundEvent dated = new OutboundEvent(
                event.id(),
                event.type(),
                event.subject(),
                event.territory(),
                event.audience(),
                time,
                event.data(),
                event.traceparent());
        return CODEC.write(dated, "/maillage/referral");
    }

    /** Sends a record to {@code referral.events.v1} as referral-service's relay does; waits for the ack. */
    protected RecordMetadata play(String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(REFERRAL_TOPIC, key, value);
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

    /** Registers a workshop programme of {@code lieu-dit} in {@code bievre}; waits until the service knows it. */
    protected String registerProgramme() {
        return registerResource("WORKSHOP_PROGRAMME", "lieu-dit", "bievre");
    }

    protected String registerResource(String type, String institution, String territory) {
        String resourceId = UUID.randomUUID().toString();
        RecordMetadata sent = play(
                resourceId,
                referralEvent(
                        "fr.maillage.referral.resource-registered.v1",
                        resourceId,
                        territory,
                        Set.of(institution),
                        Map.of(
                                "resourceId", resourceId,
                                "type", type,
                                "institution", institution,
                                "territory", territory,
                                "communes", List.of("38260"),
                                "status", "ACTIVE")));
        awaitConsumed(sent);
        return resourceId;
    }

    /** The {@code accepted.v1} event of a referral sent by {@code msp-bievre} to a programme. */
    protected static String acceptedEvent(String referralId, String programmeId, String priority, Instant acceptedAt) {
        return acceptedEvent(referralId, programmeId, priority, acceptedAt, "msp-bievre");
    }

    /** The {@code accepted.v1} event of a referral sent by {@code referrerInstitution} to a programme. */
    protected static String acceptedEvent(
            String referralId, String programmeId, String priority, Instant acceptedAt, String referrerInstitution) {
        return referralEvent(
                "fr.maillage.referral.accepted.v1",
                referralId,
                "bievre",
                Set.of(referrerInstitution, "lieu-dit"),
                Map.of(
                        "referralId",
                        referralId,
                        "personRef",
                        UUID.randomUUID().toString(),
                        "resourceId",
                        programmeId,
                        "resourceType",
                        "WORKSHOP_PROGRAMME",
                        "territory",
                        "bievre",
                        "priority",
                        priority,
                        "referrerInstitution",
                        referrerInstitution,
                        "acceptedAt",
                        acceptedAt.toString()));
    }

    protected RecordMetadata accept(String referralId, String programmeId, String priority) {
        return play(referralId, acceptedEvent(referralId, programmeId, priority, Instant.now()));
    }

    /** Waits until the {@code workshop-service} consumer group has committed past this record. */
    protected static void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("workshop-service")
                        .partitionsToOffsetAndMetadata()
                        .get();
                OffsetAndMetadata committed = offsets.get(partition);
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

    /** A reader of a whole topic from its beginning; records accumulate across calls. */
    protected TopicReader read(String topic) {
        TopicReader reader = new TopicReader(topic);
        closeables.add(reader);
        return reader;
    }

    protected static final class TopicReader implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

        TopicReader(String topic) {
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

        /** Everything read so far, after one more poll. */
        public List<ConsumerRecord<String, String>> records() {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return List.copyOf(records);
        }

        /** The CloudEvents read so far (as JSON) that match. */
        public List<JsonNode> events(Predicate<JsonNode> matching) {
            return records().stream()
                    .map(record -> JSON.readTree(record.value()))
                    .filter(matching)
                    .toList();
        }

        /** Waits until {@code count} matching events have been read, returns them. */
        public List<JsonNode> awaitEvents(int count, Predicate<JsonNode> matching) {
            await().atMost(Duration.ofSeconds(30)).until(() -> events(matching).size() >= count);
            return events(matching);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** Matches a CloudEvent by type and a data field. */
    protected static Predicate<JsonNode> event(String type, String dataField, String value) {
        return event -> event.path("type").asString().equals(type)
                && event.path("data").path(dataField).asString().equals(value);
    }
}
