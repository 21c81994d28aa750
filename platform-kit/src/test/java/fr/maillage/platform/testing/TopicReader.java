package fr.maillage.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.localstack.junit.LocalInfrastructure;
import fr.maillage.platform.events.CloudEventCodec;
import fr.maillage.platform.events.IncomingEvent;
import fr.maillage.platform.events.InvalidEventException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one topic with a real consumer (every partition assigned, no consumer group, nothing committed),
 * to check what a service really published. What it reads accumulates across calls; every call polls
 * once more first. Close it after the test ({@code try}-with-resources or an {@code @AfterEach}).
 *
 * <pre>{@code
 * try (TopicReader alerts = TopicReader.fromEnd("alert.events.v1")) {
 *     String id = raise(...);
 *     IncomingEvent raised = alerts.awaitCloudEvent("fr.maillage.alert.raised.v1", id);
 *     List<JsonNode> history = alerts.awaitHistory(id, TopicReader.ofType("fr.maillage.alert.qualified.v1"));
 * }
 * }</pre>
 *
 * Platform events are keyed by their subject (the outbox relay's rule), so a key is an aggregate id.
 * Values that are not JSON, or not CloudEvents, (poison pills played to exercise a dead-letter path) are
 * passed over by the JSON and CloudEvent views; {@link #records()} has them all.
 */
public class TopicReader implements AutoCloseable {

    /** Where reading starts. */
    public enum From {
        /** The topic's first retained record: everything published so far, by every test. */
        BEGINNING,
        /** The topic's end when the reader is made: only what is published afterwards. */
        END
    }

    /** How long the {@code await…} methods wait. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final Duration POLL = Duration.ofMillis(200);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final CloudEventCodec CODEC = CloudEventCodec.standalone();

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    /** Reads {@code topic} of the broker at {@code bootstrapServers}, from its beginning or its end. */
    protected TopicReader(String bootstrapServers, String topic, From from) {
        this.topic = topic;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config);
        try {
            // The topic may not exist yet (auto-created on first use): wait for its partitions.
            await().atMost(PATIENCE).until(() -> !consumer.partitionsFor(topic).isEmpty());
            this.partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            if (from == From.BEGINNING) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
                // Seeking is lazy: fix the end now, or what is published before the first poll is lost.
                partitions.forEach(consumer::position);
            }
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** Everything on {@code topic} of the local infrastructure ({@code @LocalInfrastructure}). */
    public static TopicReader fromBeginning(String topic) {
        return fromBeginning(LocalInfrastructure.Endpoints.kafkaBootstrapServers(), topic);
    }

    /** What is published on {@code topic} of the local infrastructure from now on. */
    public static TopicReader fromEnd(String topic) {
        return fromEnd(LocalInfrastructure.Endpoints.kafkaBootstrapServers(), topic);
    }

    public static TopicReader fromBeginning(String bootstrapServers, String topic) {
        return new TopicReader(bootstrapServers, topic, From.BEGINNING);
    }

    public static TopicReader fromEnd(String bootstrapServers, String topic) {
        return new TopicReader(bootstrapServers, topic, From.END);
    }

    public String topic() {
        return topic;
    }

    // ---- records

    /** Every record read so far, after one more poll. */
    public List<ConsumerRecord<String, String>> records() {
        consumer.poll(POLL).forEach(seen::add);
        return List.copyOf(seen);
    }

    /**
     * Every record read so far once the reader has reached the topic's end as it is now: nothing that was
     * on the topic when this was called is missed.
     */
    public List<ConsumerRecord<String, String>> readToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        await().atMost(PATIENCE).until(() -> {
            consumer.poll(POLL).forEach(seen::add);
            return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
        });
        return List.copyOf(seen);
    }

    /** Waits until {@code count} records keyed {@code key} have been read; all the records of that key. */
    public List<ConsumerRecord<String, String>> awaitRecords(String key, int count) {
        await().atMost(PATIENCE).until(() -> recordsKeyed(key).size() >= count);
        return recordsKeyed(key);
    }

    // ---- CloudEvents as JSON

    /** The values read so far that are JSON and match, in the order read, redeliveries included. */
    public List<JsonNode> events(Predicate<JsonNode> matching) {
        return records().stream()
                .map(TopicReader::json)
                .flatMap(Optional::stream)
                .filter(matching)
                .toList();
    }

    /** Waits until {@code count} values match (a redelivery counts again); all that match. */
    public List<JsonNode> awaitEvents(int count, Predicate<JsonNode> matching) {
        await().atMost(PATIENCE).until(() -> events(matching).size() >= count);
        return events(matching);
    }

    /** Waits until a value matches; the first that does. */
    public JsonNode awaitEvent(Predicate<JsonNode> matching) {
        return awaitEvents(1, matching).getFirst();
    }

    /** The values of the records keyed {@code key} read so far, in order, redeliveries included. */
    public List<JsonNode> eventsKeyed(String key) {
        return recordsKeyed(key).stream()
                .map(TopicReader::json)
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * The events of {@code key} (an aggregate id) read so far, each once, in order: delivery is at least
     * once, and a redelivery has the same CloudEvent id, which is what consumers are idempotent on. Fails if
     * a redelivery is not the same event.
     */
    public List<JsonNode> history(String key) {
        return distinct(eventsKeyed(key));
    }

    /** Waits until one of {@code key}'s events matches (e.g. the last step of a flow); its whole history. */
    public List<JsonNode> awaitHistory(String key, Predicate<JsonNode> matching) {
        await().atMost(PATIENCE).until(() -> history(key).stream().anyMatch(matching));
        return history(key);
    }

    /** Waits until {@code key} has at least {@code count} distinct events; its whole history. */
    public List<JsonNode> awaitHistory(String key, int count) {
        await().atMost(PATIENCE).until(() -> history(key).size() >= count);
        return history(key);
    }

    // ---- CloudEvents decoded by the kit's codec

    /** The CloudEvents read so far, decoded as a consumer would receive them, redeliveries included. */
    public List<IncomingEvent> cloudEvents() {
        return records().stream()
                .map(TopicReader::decode)
                .flatMap(Optional::stream)
                .toList();
    }

    /** Waits until {@code count} CloudEvents match (a redelivery counts again); all that match. */
    public List<IncomingEvent> awaitCloudEvents(int count, Predicate<IncomingEvent> matching) {
        await().atMost(PATIENCE)
                .until(() -> cloudEvents().stream().filter(matching).count() >= count);
        return cloudEvents().stream().filter(matching).toList();
    }

    /** Waits for a CloudEvent of {@code type} about {@code subject}; the first one read. */
    public IncomingEvent awaitCloudEvent(String type, String subject) {
        return awaitCloudEvents(1, event -> event.is(type) && subject.equals(event.subject()))
                .getFirst();
    }

    @Override
    public void close() {
        consumer.close();
    }

    // ---- predicates and helpers

    public static Predicate<JsonNode> ofType(String type) {
        return event -> event.path("type").asString().equals(type);
    }

    /** About this subject (the aggregate id, also the key). */
    public static Predicate<JsonNode> about(String subject) {
        return event -> event.path("subject").asString().equals(subject);
    }

    /** Of this type, with {@code data.<field>} equal to {@code value}. */
    public static Predicate<JsonNode> withData(String type, String field, String value) {
        return event -> event.path("type").asString().equals(type)
                && event.path("data").path(field).asString().equals(value);
    }

    /**
     * Each CloudEvent once (by id), in order of first appearance; fails when two records with one id
     * differ, since a redelivery must be the very same event.
     */
    public static List<JsonNode> distinct(List<JsonNode> events) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode event : events) {
            JsonNode first = byId.putIfAbsent(event.path("id").asString(), event);
            assertThat(first == null || first.equals(event))
                    .as("a duplicate delivery is the same event: %s", event)
                    .isTrue();
        }
        return List.copyOf(byId.values());
    }

    /** The last value of a header, as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private List<ConsumerRecord<String, String>> recordsKeyed(String key) {
        return records().stream().filter(record -> key.equals(record.key())).toList();
    }

    private static Optional<JsonNode> json(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            JsonNode value = JSON.readTree(record.value());
            return value.isObject() ? Optional.of(value) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static Optional<IncomingEvent> decode(ConsumerRecord<String, String> record) {
        try {
            return Optional.of(CODEC.read(record.value()));
        } catch (InvalidEventException e) {
            return Optional.empty();
        }
    }
}
