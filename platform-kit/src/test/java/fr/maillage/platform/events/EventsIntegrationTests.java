package fr.maillage.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.localstack.junit.LocalInfrastructure;
import fr.maillage.platform.events.EventsTestApplication.CrashableRelay;
import fr.maillage.platform.events.RecordingListener.ParcelWeighed;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@LocalInfrastructure
@SpringBootTest(
        classes = EventsTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.application.name=kit-test-service",
            // no events/*.json here, hence no Springwolf document (springwolf-core is the kit's optional dependency)
            "springwolf.enabled=false",
            "spring.mongodb.database=kit_events",
            "maillage.events.topic=kit.events.v1",
            "maillage.events.relay.poll-interval=300ms",
            "maillage.events.relay.lease=5s",
            "management.tracing.sampling.probability=1.0"
        })
class EventsIntegrationTests {

    private static final String TOPIC = "kit.events.v1";

    private static final String DLT = TOPIC + "-dlt";

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EventOutbox outbox;

    @Autowired
    ParcelRepository parcels;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    RecordingListener listener;

    @Autowired
    CrashableRelay relay;

    @Autowired
    EventProducer producer;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    EventTracing tracing;

    @Autowired
    EventsProperties properties;

    @Autowired
    Tracer tracer;

    private TopicReader reader;

    @BeforeEach
    void reader() {
        reader = new TopicReader(LocalInfrastructure.Endpoints.kafkaBootstrapServers());
    }

    @Test
    void eventsOfOneAggregateLeaveInOrderAsStructuredCloudEvents() {
        String id = "parcel-" + UUID.randomUUID();
        Parcel parcel = new Parcel(id);
        Span span = tracer.nextSpan().name("register-parcel").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            for (int weight = 1; weight <= 3; weight++) {
                parcel.weigh(weight);
                parcel.pendingEvents().add(weighed(id, weight));
            }
        } finally {
            span.end();
        }
        parcels.save(parcel);
        awaitDrained(id);

        // A later change, loaded again, with two more events in one save.
        Parcel loaded = parcels.findById(id).orElseThrow();
        assertThat(loaded.pendingEvents()).isEmpty();
        loaded.pendingEvents().add(weighed(id, 4));
        loaded.pendingEvents().add(weighed(id, 5));
        parcels.save(loaded);
        awaitDrained(id);

        await().atMost(PATIENCE).until(() -> listener.receivedFor(id).size() == 5);
        assertThat(listener.bound.stream().filter(w -> w.parcelId().equals(id)))
                .extracting(ParcelWeighed::weight)
                .containsExactly(1, 2, 3, 4, 5);

        List<ConsumerRecord<String, String>> records = reader.recordsWithKey(TOPIC, id);
        assertThat(records).hasSize(5);
        assertThat(records)
                .extracting(r -> json(r).get("data").get("weight").asInt())
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(records)
                .extracting(r -> json(r).get("id").asString())
                .containsExactlyElementsOf(
                        listener.receivedFor(id).stream().map(IncomingEvent::id).toList());
        for (ConsumerRecord<String, String> record : records) {
            assertThat(TopicReader.header(record, "content-type")).isEqualTo("application/cloudevents+json");
            JsonNode event = json(record);
            assertThat(event.get("specversion").asString()).isEqualTo("1.0");
            assertThat(event.get("source").asString()).isEqualTo("/maillage/kit-test");
            assertThat(event.get("type").asString()).isEqualTo(RecordingListener.WEIGHED);
            assertThat(event.get("subject").asString()).isEqualTo(id);
            assertThat(event.get("time").asString()).isNotBlank();
            assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
            assertThat(event.get("dataschema").asString())
                    .isEqualTo("urn:maillage:schema:" + RecordingListener.WEIGHED);
            assertThat(event.get("territory").asString()).isEqualTo("bievre");
            assertThat(event.get("audience").asString()).isEqualTo("cpts-bievre msp-bievre");
        }
        // The first three were built inside a trace: it goes on through the record's header.
        String traceId = span.context().traceId();
        for (ConsumerRecord<String, String> record : records.subList(0, 3)) {
            assertThat(json(record).get("traceparent").asString()).startsWith("00-" + traceId + "-");
            assertThat(TopicReader.header(record, "traceparent")).startsWith("00-" + traceId + "-");
        }
        for (ConsumerRecord<String, String> record : records.subList(3, 5)) {
            assertThat(json(record).has("traceparent")).isFalse();
        }
        assertThat(listener.receivedFor(id).getFirst().traceparent()).startsWith("00-" + traceId + "-");
    }

    @Test
    void aCrashBetweenPublishAndRemovalRepublishesAndTheConsumerAppliesTheEventOnce() {
        String id = "parcel-" + UUID.randomUUID();
        relay.failNextRemovalOf(id);
        Parcel parcel = new Parcel(id);
        OutboundEvent event = weighed(id, 7);
        parcel.pendingEvents().add(event);
        parcels.save(parcel);

        awaitDrained(id);
        await().atMost(PATIENCE).until(() -> listener.invocations(event.id()) == 2);
        List<ConsumerRecord<String, String>> records = reader.recordsWithKey(TOPIC, id);
        assertThat(records).hasSize(2);
        assertThat(records).extracting(r -> json(r).get("id").asString()).containsOnly(event.id());
        assertThat(listener.applied(id)).isEqualTo(1);
    }

    @Test
    void recordsThatAreNotCloudEventsOrHaveInvalidDataGoToTheDeadLetterTopicAtOnce() {
        String key = "poison-" + UUID.randomUUID();
        String notACloudEvent = "this is not a CloudEvent";
        OutboundEvent invalid = rawEvent(key, RecordingListener.WEIGHED, Map.of("parcelId", "", "weight", -3));
        OutboundEvent valid = rawEvent(key, RecordingListener.WEIGHED, Map.of("parcelId", key, "weight", 9));
        try (var kafka = rawProducer()) {
            // Same partition, in this order: the valid record comes after both poison records.
            kafka.send(new ProducerRecord<>(TOPIC, 0, key, notACloudEvent));
            kafka.send(cloudEvent(key, codec.write(invalid, "/maillage/elsewhere")));
            kafka.send(cloudEvent(key, codec.write(valid, "/maillage/elsewhere")));
        }

        await().atMost(PATIENCE).until(() -> listener.applied(key) == 1);
        await().atMost(PATIENCE).until(() -> reader.recordsWithKey(DLT, key).size() == 2);
        List<ConsumerRecord<String, String>> deadLetters = reader.recordsWithKey(DLT, key);
        assertThat(deadLetters)
                .extracting(ConsumerRecord::value)
                .containsExactly(notACloudEvent, codec.write(invalid, "/maillage/elsewhere"));
        for (ConsumerRecord<String, String> deadLetter : deadLetters) {
            assertThat(TopicReader.header(deadLetter, "kafka_dlt-original-topic"))
                    .isEqualTo(TOPIC);
            assertThat(TopicReader.header(deadLetter, "kafka_dlt-exception-stacktrace"))
                    .contains(InvalidEventException.class.getName());
        }
        // Original headers are kept.
        assertThat(TopicReader.header(deadLetters.get(1), "content-type")).isEqualTo(CloudEventCodec.CONTENT_TYPE);
        // Not retried: the invalid data reached the listener exactly once.
        assertThat(listener.invocations(invalid.id())).isEqualTo(1);
        assertThat(listener.invocations(valid.id())).isEqualTo(1);
    }

    @Test
    void aListenerFailureIsRetriedWithBackOffThenDeadLettered() {
        String key = "failing-" + UUID.randomUUID();
        OutboundEvent failing = rawEvent(key, RecordingListener.FAILING, Map.of("anything", 1));
        try (var kafka = rawProducer()) {
            kafka.send(cloudEvent(key, codec.write(failing, "/maillage/elsewhere")));
        }

        await().atMost(PATIENCE).until(() -> reader.recordsWithKey(DLT, key).size() == 1);
        // Three attempts in total (maillage.events.consumer.max-attempts), then the dead letter.
        assertThat(listener.invocations(failing.id())).isEqualTo(3);
        ConsumerRecord<String, String> deadLetter =
                reader.recordsWithKey(DLT, key).getFirst();
        assertThat(TopicReader.header(deadLetter, "kafka_dlt-exception-message"))
                .contains("always fails");
        assertThat(deadLetter.value()).isEqualTo(codec.write(failing, "/maillage/elsewhere"));
    }

    @Test
    void aDocumentLeasedByAnotherRelayIsSkippedUntilTheLeaseExpires() {
        String id = "parcel-" + UUID.randomUUID();
        Parcel parcel = new Parcel(id);
        OutboundEvent event = weighed(id, 11);
        parcel.pendingEvents().add(event);
        Document document = new Document();
        mongo.getConverter().write(parcel, document);
        document.put(
                OutboxRelay.LEASE,
                new Document("owner", "another-instance").append("until", new Date(System.currentTimeMillis() + 4000)));
        mongo.getCollection("parcels").insertOne(document);
        relay.wake();

        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> pendingCount(id) == 1 && listener.invocations(event.id()) == 0);
        awaitDrained(id);
        await().atMost(PATIENCE).until(() -> listener.invocations(event.id()) == 1);
        assertThat(reader.recordsWithKey(TOPIC, id)).hasSize(1);
    }

    @Test
    void twoRelaysOnTheSameCollectionPublishEachEventOnce() {
        var second = new OutboxRelay(
                mongo,
                producer.template(),
                codec,
                tracing,
                TOPIC,
                "/maillage/kit-test",
                properties.getRelay(),
                new SimpleMeterRegistry(),
                "test-relay-2");
        second.start();
        try {
            String batch = UUID.randomUUID().toString().substring(0, 8);
            List<String> ids = IntStream.range(0, 20)
                    .mapToObj(i -> "parcel-" + batch + "-" + i)
                    .toList();
            List<Document> documents = new ArrayList<>();
            Map<String, List<String>> eventIds = ids.stream().collect(Collectors.toMap(Function.identity(), id -> {
                Parcel parcel = new Parcel(id);
                IntStream.rangeClosed(1, 3).forEach(w -> parcel.pendingEvents().add(weighed(id, w)));
                Document document = new Document();
                mongo.getConverter().write(parcel, document);
                documents.add(document);
                return parcel.pendingEvents().stream().map(OutboundEvent::id).toList();
            }));
            mongo.getCollection("parcels").insertMany(documents);
            relay.wake();
            second.wake();

            ids.forEach(this::awaitDrained);
            Map<String, List<ConsumerRecord<String, String>>> byKey = reader.readAll(TOPIC).stream()
                    .filter(r -> ids.contains(r.key()))
                    .collect(Collectors.groupingBy(ConsumerRecord::key));
            for (String id : ids) {
                assertThat(byKey.get(id))
                        .extracting(r -> json(r).get("id").asString())
                        .containsExactlyElementsOf(eventIds.get(id));
            }
        } finally {
            second.stop();
        }
    }

    private OutboundEvent weighed(String parcelId, int weight) {
        return outbox.event(
                RecordingListener.WEIGHED,
                parcelId,
                "bievre",
                Set.of("msp-bievre", "cpts-bievre"),
                new ParcelWeighed(parcelId, weight));
    }

    private OutboundEvent rawEvent(String subject, String type, Map<String, Object> data) {
        return outbox.event(type, subject, null, Set.of(), data);
    }

    private void awaitDrained(String id) {
        await().atMost(PATIENCE).until(() -> pendingCount(id) == 0);
    }

    private int pendingCount(String id) {
        Document document = mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, "parcels");
        assertThat(document).as("parcel %s", id).isNotNull();
        return document.getList("pendingEvents", Document.class, List.of()).size();
    }

    private static ProducerRecord<String, String> cloudEvent(String key, String value) {
        var record = new ProducerRecord<>(TOPIC, 0, key, value);
        record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static KafkaProducer<String, String> rawProducer() {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalInfrastructure.Endpoints.kafkaBootstrapServers()),
                new StringSerializer(),
                new StringSerializer());
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        return JSON.readTree(record.value());
    }
}
