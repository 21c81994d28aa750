package fr.maillage.platform.events;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the {@code pendingEvents} of every MongoDB collection whose entity implements {@link
 * PublishesEvents}, then removes exactly the published ones.
 *
 * <p>Per document: take a lease ({@code outboxLease: {owner, until}}, compare-and-set with
 * findAndModify, only when free or expired) so that with several instances one relay publishes an
 * aggregate at a time; send the events in array order, each acknowledged by the broker before the
 * next (key = subject, so per-aggregate order holds); {@code $pull} the sent ones by event id
 * (events appended meanwhile stay); release the lease. A send failure stops at that event: it and
 * the ones after it stay for the next attempt.
 *
 * <p>Delivery is at least once, and a duplicate always carries the same CloudEvent id, which
 * consumers are idempotent on. Duplicates happen when the process dies between send and pull, and
 * in a race with Spring Data: {@code save} replaces the whole document, so an aggregate loaded
 * before the pull brings the already-published events back (and drops the lease).
 *
 * <p>One dedicated virtual thread, woken after each save of an aggregate with pending events and
 * polling as a fallback (crash recovery, other instances' leftovers, broker outages).
 */
public class OutboxRelay implements SmartLifecycle {

    static final String PENDING_PROPERTY = "pendingEvents";

    static final String LEASE = "outboxLease";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;

    private final KafkaTemplate<Object, Object> kafka;

    private final CloudEventCodec codec;

    private final EventTracing tracing;

    private final String topic;

    private final String source;

    private final EventsProperties.Relay settings;

    private final String owner;

    private final Semaphore wakeUps = new Semaphore(0);

    private final Set<Class<?>> warnedEntities = ConcurrentHashMap.newKeySet();

    private final Counter published;

    private final Counter failures;

    private final AtomicReference<Instant> oldestPending = new AtomicReference<>();

    private volatile boolean running;

    private volatile Thread thread;

    OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<Object, Object> kafka,
            CloudEventCodec codec,
            EventTracing tracing,
            String topic,
            String source,
            EventsProperties.Relay settings,
            MeterRegistry meters,
            String owner) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.codec = codec;
        this.tracing = tracing;
        this.topic = topic;
        this.source = source;
        this.settings = settings;
        this.owner = owner;
        this.published = Counter.builder("maillage.outbox.published")
                .description("Events the outbox relay published")
                .tag("topic", topic)
                .register(meters);
        this.failures = Counter.builder("maillage.outbox.failures")
                .description("Failed attempts to publish or remove outbox events")
                .tag("topic", topic)
                .register(meters);
        Gauge.builder("maillage.outbox.oldest.pending.age", this, OutboxRelay::oldestPendingAgeSeconds)
                .description("Age of the oldest unpublished event seen by the last relay round")
                .baseUnit("seconds")
                .tag("topic", topic)
                .register(meters);
    }

    /** Asks for a relay round now (called after saves). */
    public void wake() {
        wakeUps.release();
    }

    /** The id this relay writes in the leases it holds. */
    public String owner() {
        return owner;
    }

    @Override
    public boolean isAutoStartup() {
        return settings.isEnabled();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofVirtual().name("maillage-outbox-relay").start(this::loop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            try {
                current.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        log.info("Outbox relay {} publishing to {}", owner, topic);
        while (running) {
            int sent = 0;
            try {
                sent = relayOnce();
            } catch (RuntimeException e) {
                if (running) {
                    failures.increment();
                    log.warn("Outbox relay round failed, retrying in {}", settings.getPollInterval(), e);
                }
            }
            try {
                // Something was sent: go again at once (more may be waiting); otherwise wait for a save.
                if (sent == 0) {
                    wakeUps.tryAcquire(settings.getPollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One round over every outbox collection; returns the number of events published. */
    int relayOnce() {
        int sent = 0;
        Instant oldest = null;
        for (Map.Entry<String, OutboxFields> collection : collections().entrySet()) {
            Round round = relayCollection(collection.getKey(), collection.getValue());
            sent += round.sent();
            if (round.oldest() != null && (oldest == null || round.oldest().isBefore(oldest))) {
                oldest = round.oldest();
            }
        }
        oldestPending.set(oldest);
        return sent;
    }

    private Round relayCollection(String name, OutboxFields fields) {
        MongoCollection<Document> collection = mongo.getCollection(name);
        List<Document> candidates = collection
                .find(Filters.and(hasPending(fields), leaseFree(new Date())))
                .projection(Projections.include(fields.pending() + "." + fields.time()))
                .limit(settings.getBatchSize())
                .into(new ArrayList<>());
        int sent = 0;
        Instant oldest = null;
        for (Document candidate : candidates) {
            Instant first = firstEventTime(candidate, fields);
            if (first != null && (oldest == null || first.isBefore(oldest))) {
                oldest = first;
            }
            if (!running) {
                break;
            }
            sent += relayDocument(collection, candidate.get("_id"), fields);
        }
        return new Round(sent, oldest);
    }

    private int relayDocument(MongoCollection<Document> collection, Object id, OutboxFields fields) {
        Date now = new Date();
        Document leased = collection.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), hasPending(fields), leaseFree(now)),
                Updates.set(
                        LEASE,
                        new Document("owner", owner)
                                .append(
                                        "until",
                                        new Date(now.getTime()
                                                + settings.getLease().toMillis()))),
                new FindOneAndUpdateOptions()
                        .projection(Projections.include(fields.pending()))
                        .returnDocument(ReturnDocument.AFTER));
        if (leased == null) {
            return 0; // another relay holds it, or it was published meanwhile
        }
        List<String> sentIds = new ArrayList<>();
        try {
            for (Document raw : leased.getList(fields.pending(), Document.class, List.of())) {
                OutboundEvent event = mongo.getConverter().read(OutboundEvent.class, raw);
                send(event);
                sentIds.add(event.id());
                published.increment();
            }
        } catch (Exception e) {
            // Stop at the first failure: this event and the later ones stay, in order, for the next round.
            failures.increment();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn(
                    "Outbox relay could not publish an event of {} {}; it stays pending",
                    collection.getNamespace(),
                    id,
                    e);
        }
        try {
            if (!sentIds.isEmpty()) {
                removePublished(collection, id, fields, sentIds);
            }
        } catch (RuntimeException e) {
            failures.increment();
            log.warn(
                    "Events {} of {} {} were published but not removed: they will be published again with"
                            + " the same ids",
                    sentIds,
                    collection.getNamespace(),
                    id,
                    e);
        } finally {
            releaseLease(collection, id);
        }
        return sentIds.size();
    }

    /** Sends one event and waits for the broker's acknowledgement. */
    private void send(OutboundEvent event) throws Exception {
        try {
            tracing.continueTrace(event.traceparent(), "outbox publish", traceparent -> {
                ProducerRecord<Object, Object> record =
                        new ProducerRecord<>(topic, null, event.subject(), codec.write(event, source));
                record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                if (traceparent != null) {
                    record.headers().add(EventTracing.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
                }
                try {
                    return kafka.send(record).get(settings.getSendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException | ExecutionException | TimeoutException e) {
                    throw new SendFailure(e);
                }
            });
        } catch (SendFailure failure) {
            throw (Exception) failure.getCause();
        }
    }

    /**
     * Pulls exactly the published events by id: events appended since the lease was taken stay.
     * Not conditional on the lease, which a concurrent full-document save may have dropped.
     */
    void removePublished(MongoCollection<Document> collection, Object id, OutboxFields fields, List<String> eventIds) {
        collection.updateOne(
                Filters.eq("_id", id),
                Updates.pullByFilter(
                        new Document(fields.pending(), new Document(fields.eventId(), new Document("$in", eventIds)))));
    }

    private void releaseLease(MongoCollection<Document> collection, Object id) {
        try {
            collection.updateOne(
                    Filters.and(Filters.eq("_id", id), Filters.eq(LEASE + ".owner", owner)), Updates.unset(LEASE));
        } catch (RuntimeException e) {
            log.warn(
                    "Could not release the outbox lease of {} {}; it expires by itself",
                    collection.getNamespace(),
                    id,
                    e);
        }
    }

    private static Bson hasPending(OutboxFields fields) {
        return Filters.exists(fields.pending() + ".0");
    }

    private static Bson leaseFree(Date now) {
        return Filters.or(Filters.eq(LEASE, null), Filters.lt(LEASE + ".until", now));
    }

    private static Instant firstEventTime(Document candidate, OutboxFields fields) {
        List<Document> events = candidate.getList(fields.pending(), Document.class, List.of());
        return events.isEmpty() || !(events.getFirst().get(fields.time()) instanceof Date date)
                ? null
                : date.toInstant();
    }

    /** The outbox collections, found again each round because entities can be mapped lazily. */
    private Map<String, OutboxFields> collections() {
        var context = mongo.getConverter().getMappingContext();
        MongoPersistentEntity<?> eventEntity = context.getRequiredPersistentEntity(OutboundEvent.class);
        String eventId = eventEntity.getRequiredPersistentProperty("id").getFieldName();
        String time = eventEntity.getRequiredPersistentProperty("time").getFieldName();
        Map<String, OutboxFields> collections = new LinkedHashMap<>();
        for (MongoPersistentEntity<?> entity : context.getPersistentEntities()) {
            if (!PublishesEvents.class.isAssignableFrom(entity.getType())
                    || entity.getType().isInterface()) {
                continue;
            }
            MongoPersistentProperty pending = entity.getPersistentProperty(PENDING_PROPERTY);
            if (pending == null) {
                if (warnedEntities.add(entity.getType())) {
                    log.warn(
                            "{} implements PublishesEvents without a '{}' property: its events are not published",
                            entity.getType().getName(),
                            PENDING_PROPERTY);
                }
                continue;
            }
            collections.putIfAbsent(entity.getCollection(), new OutboxFields(pending.getFieldName(), eventId, time));
        }
        return collections;
    }

    private double oldestPendingAgeSeconds() {
        Instant oldest = oldestPending.get();
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }

    /** Field names in MongoDB of the outbox array, and of an event's id and time inside it. */
    record OutboxFields(String pending, String eventId, String time) {}

    private record Round(int sent, Instant oldest) {}

    private static final class SendFailure extends RuntimeException {
        SendFailure(Exception cause) {
            super(cause);
        }
    }
}
