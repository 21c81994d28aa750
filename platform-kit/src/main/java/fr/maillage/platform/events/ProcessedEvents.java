package fr.maillage.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Remembers which events each consumer has applied, for consumers that are not naturally
 * idempotent: collection {@code processed_events}, unique on {@code (consumer, eventId)}, entries
 * expiring after a TTL (30 days by default).
 */
public class ProcessedEvents {

    private final MongoTemplate mongo;

    private final String collection;

    private final Duration ttl;

    private volatile boolean indexed;

    ProcessedEvents(MongoTemplate mongo, String collection, Duration ttl) {
        this.mongo = mongo;
        this.collection = collection;
        this.ttl = ttl;
    }

    /** Created on first use, so a service that never needs the store has no such collection. */
    private void ensureIndexes() {
        if (indexed) {
            return;
        }
        var indexes = mongo.indexOps(collection);
        indexes.createIndex(new Index()
                .on("consumer", Sort.Direction.ASC)
                .on("eventId", Sort.Direction.ASC)
                .unique()
                .named("consumer_eventId"));
        indexes.createIndex(
                new Index().on("processedAt", Sort.Direction.ASC).expire(ttl).named("processedAt_ttl"));
        indexed = true;
    }

    /**
     * Runs {@code action} unless {@code consumer} already applied this event, then records it.
     *
     * <p>The record is written after the action: if the process dies in between, the redelivered
     * event runs the action again. That window is why natural idempotency (unique index on the
     * source event id, upserts) is preferred where it is possible.
     *
     * @param consumer a stable name of what the action does, e.g. {@code enrolment}
     * @return whether the action ran
     */
    public boolean once(String consumer, IncomingEvent event, Runnable action) {
        Objects.requireNonNull(consumer, "consumer");
        ensureIndexes();
        if (alreadyProcessed(consumer, event.id())) {
            return false;
        }
        action.run();
        try {
            mongo.insert(
                    new Document("consumer", consumer)
                            .append("eventId", event.id())
                            .append("type", event.type())
                            .append("processedAt", Date.from(Instant.now())),
                    collection);
        } catch (DuplicateKeyException concurrentlyRecorded) {
            // Another instance applied and recorded it at the same time: recorded either way.
        }
        return true;
    }

    /** Whether {@code consumer} has applied the event with this id (within the TTL). */
    public boolean alreadyProcessed(String consumer, String eventId) {
        return mongo.exists(
                Query.query(
                        Criteria.where("consumer").is(consumer).and("eventId").is(eventId)),
                collection);
    }
}
