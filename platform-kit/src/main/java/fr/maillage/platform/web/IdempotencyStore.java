package fr.maillage.platform.web;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The {@code idempotency_keys} collection of a service's database: one document per
 * (key, caller, endpoint), first a placeholder, then the stored answer. A unique index makes the
 * first request win; a TTL index forgets keys after {@code maillage.web.idempotency.ttl}.
 */
public class IdempotencyStore {

    public static final String COLLECTION = "idempotency_keys";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);
    private static final String IN_PROGRESS = "in-progress";
    private static final String COMPLETED = "completed";

    private final MongoOperations mongo;
    private final Duration ttl;
    private final Duration inProgressTimeout;
    private final Clock clock;
    private volatile boolean indexed;

    public IdempotencyStore(MongoOperations mongo, Duration ttl, Duration inProgressTimeout, Clock clock) {
        this.mongo = mongo;
        this.ttl = ttl;
        this.inProgressTimeout = inProgressTimeout;
        this.clock = clock;
    }

    /** What to do with a request that carries a key. */
    public sealed interface Claim {
        /** First request with this key (or a retry after a 5xx): run it, then {@link #complete} or {@link #release}. */
        record Acquired(ObjectId id) implements Claim {}

        /** Done before with the same body: answer this again. */
        record Replay(StoredResponse response) implements Claim {}

        /** The same key is being processed by another request right now. */
        record InProgress() implements Claim {}

        /** The key was used for a different body. */
        record Mismatch() implements Claim {}
    }

    /** An answer kept for replay. */
    public record StoredResponse(int status, Map<String, String> headers, byte[] body) {}

    public Claim claim(String key, String principal, String endpoint, String requestHash) {
        ensureIndexes();
        MongoCollection<Document> keys = collection();
        for (int attempt = 0; attempt < 5; attempt++) {
            Date now = Date.from(clock.instant());
            Document placeholder = new Document("_id", new ObjectId())
                    .append("key", key)
                    .append("principal", principal)
                    .append("endpoint", endpoint)
                    .append("requestHash", requestHash)
                    .append("state", IN_PROGRESS)
                    .append("createdAt", now)
                    .append("lockedAt", now);
            try {
                keys.insertOne(placeholder);
                return new Claim.Acquired(placeholder.getObjectId("_id"));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document existing = keys.find(identity(key, principal, endpoint)).first();
            if (existing == null) {
                continue; // released or expired meanwhile: try to insert again
            }
            Instant createdAt = existing.getDate("createdAt").toInstant();
            if (createdAt.plus(ttl).isBefore(now.toInstant())) {
                // The TTL monitor runs about once a minute: an expired key counts as gone already.
                keys.deleteOne(Filters.and(
                        Filters.eq("_id", existing.get("_id")),
                        Filters.eq("createdAt", existing.getDate("createdAt"))));
                continue;
            }
            if (!requestHash.equals(existing.getString("requestHash"))) {
                return new Claim.Mismatch();
            }
            if (COMPLETED.equals(existing.getString("state"))) {
                return new Claim.Replay(stored(existing));
            }
            Date lockedAt = existing.getDate("lockedAt");
            if (lockedAt.toInstant().plus(inProgressTimeout).isBefore(now.toInstant())) {
                // The instance that took the key died before answering: take the request over.
                long taken = keys.updateOne(
                                Filters.and(
                                        Filters.eq("_id", existing.get("_id")),
                                        Filters.eq("state", IN_PROGRESS),
                                        Filters.eq("lockedAt", lockedAt)),
                                Updates.set("lockedAt", now))
                        .getModifiedCount();
                if (taken == 1) {
                    return new Claim.Acquired(existing.getObjectId("_id"));
                }
            }
            return new Claim.InProgress();
        }
        return new Claim.InProgress();
    }

    /** Keeps the answer of a request that did not fail on the server side. */
    public void complete(ObjectId id, int status, Map<String, String> headers, byte[] body) {
        collection()
                .updateOne(
                        Filters.eq("_id", id),
                        Updates.combine(
                                Updates.set("state", COMPLETED),
                                Updates.set("status", status),
                                Updates.set("headers", new Document(new LinkedHashMap<String, Object>(headers))),
                                Updates.set("body", new Binary(body)),
                                Updates.set("completedAt", Date.from(clock.instant()))));
    }

    /** Forgets the placeholder of a request that failed (5xx or exception), so a retry runs again. */
    public void release(ObjectId id) {
        collection().deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", IN_PROGRESS)));
    }

    private static Bson identity(String key, String principal, String endpoint) {
        return Filters.and(
                Filters.eq("key", key), Filters.eq("principal", principal), Filters.eq("endpoint", endpoint));
    }

    private static StoredResponse stored(Document document) {
        Map<String, String> headers = new LinkedHashMap<>();
        Document stored = document.get("headers", Document.class);
        if (stored != null) {
            stored.forEach((name, value) -> headers.put(name, String.valueOf(value)));
        }
        Binary body = document.get("body", Binary.class);
        return new StoredResponse(
                document.getInteger("status", 200), headers, body == null ? new byte[0] : body.getData());
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /** Created on first use rather than at start-up, so a service starts even while its store is still coming up. */
    private void ensureIndexes() {
        if (indexed) {
            return;
        }
        synchronized (this) {
            if (indexed) {
                return;
            }
            MongoCollection<Document> keys = collection();
            keys.createIndex(
                    Indexes.ascending("key", "principal", "endpoint"),
                    new IndexOptions().unique(true).name("key_principal_endpoint"));
            try {
                keys.createIndex(
                        Indexes.ascending("createdAt"),
                        new IndexOptions()
                                .expireAfter(ttl.toSeconds(), TimeUnit.SECONDS)
                                .name("expire_createdAt"));
            } catch (MongoException e) {
                // E.g. the TTL changed since the index was made: expiry is also checked on read, so go on.
                log.warn("Could not create the TTL index on {}: {}", COLLECTION, e.getMessage());
            }
            indexed = true;
        }
    }
}
