package fr.maillage.platform.testing;

import static org.awaitility.Awaitility.await;

import fr.maillage.localstack.junit.LocalInfrastructure;
import fr.maillage.platform.events.CloudEventCodec;
import fr.maillage.platform.events.EventOutbox;
import fr.maillage.platform.events.OutboundEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays another service's events into the broker as that service's outbox relay would: structured
 * CloudEvents written by the kit's own {@link CloudEventCodec}, keyed by their subject, with the
 * {@code content-type: application/cloudevents+json} header, each send awaited until the broker
 * acknowledges it. The producer starts on the first play; close the player after the test.
 *
 * <pre>{@code
 * try (EventPlayer player = EventPlayer.local()) {
 *     RecordMetadata sent = player.play("referral.events.v1", "/maillage/referral",
 *             EventPlayer.event("fr.maillage.referral.accepted.v1", referralId, "bievre", Set.of("lieu-dit"), data));
 *     EventPlayer.awaitConsumed("workshop-service", sent);
 * }
 * }</pre>
 */
public final class EventPlayer implements AutoCloseable {

    private static final CloudEventCodec CODEC = CloudEventCodec.standalone();

    private static final EventOutbox OUTBOX = EventOutbox.standalone();

    private final String bootstrapServers;

    private KafkaProducer<String, String> producer;

    public EventPlayer(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A player for the broker of the local infrastructure ({@code @LocalInfrastructure}). */
    public static EventPlayer local() {
        return new EventPlayer(LocalInfrastructure.Endpoints.kafkaBootstrapServers());
    }

    // ---- the events

    /** An event as another service's outbox would stage it: a fresh id, now (milliseconds), no trace. */
    public static OutboundEvent event(
            String type, String subject, String territory, Collection<String> audience, Object data) {
        return OUTBOX.event(type, subject, territory, audience, data);
    }

    /**
     * The same with a chosen id and time (a redelivery, events played out of order); the time is cut to
     * milliseconds, as the outbox does.
     */
    public static OutboundEvent event(
            String id,
            Instant time,
            String type,
            String subject,
            String territory,
            Collection<String> audience,
            Object data) {
        OutboundEvent event = event(type, subject, territory, audience, data);
        return new OutboundEvent(
                id,
                event.type(),
                event.subject(),
                event.territory(),
                event.audience(),
                time.truncatedTo(ChronoUnit.MILLIS),
                event.data(),
                event.traceparent());
    }

    /** The structured CloudEvent JSON that {@code source} (e.g. {@code /maillage/referral}) would publish. */
    public static String cloudEvent(String source, OutboundEvent event) {
        return CODEC.write(event, source);
    }

    /** The structured CloudEvent JSON of a fresh event (see {@link #event(String, String, String, Collection, Object)}). */
    public static String cloudEvent(
            String source, String type, String subject, String territory, Collection<String> audience, Object data) {
        return cloudEvent(source, event(type, subject, territory, audience, data));
    }

    // ---- playing them

    /** Sends {@code event} from {@code source}, keyed by its subject; waits for the broker's ack. */
    public RecordMetadata play(String topic, String source, OutboundEvent event) {
        return play(topic, event.subject(), cloudEvent(source, event));
    }

    /**
     * Sends any value (a CloudEvent, or a poison pill) with the CloudEvents content-type header; waits for
     * the broker's ack.
     */
    public RecordMetadata play(String topic, String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        try {
            return producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not play a record to " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    // ---- consumption by the service under test

    /** Waits until consumer group {@code groupId} of the local broker has committed past {@code record}. */
    public static void awaitConsumed(String groupId, RecordMetadata record) {
        awaitConsumed(LocalInfrastructure.Endpoints.kafkaBootstrapServers(), groupId, record);
    }

    /**
     * Waits until consumer group {@code groupId} has committed past {@code record}: the service has handled
     * it (or sent it to its dead-letter topic).
     */
    public static void awaitConsumed(String bootstrapServers, String groupId, RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(TopicReader.PATIENCE).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(groupId)
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
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            // Kafka 4 lingers 5 ms by default: a test waits for each send anyway.
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }
}
