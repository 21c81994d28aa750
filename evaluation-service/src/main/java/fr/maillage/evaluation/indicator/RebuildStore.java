package fr.maillage.evaluation.indicator;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The rebuilds (one document each) and the lock that lets one run at a time across instances: a single
 * document taken with a compare-and-set upsert and kept alive by its holder; a holder that died frees it
 * once its lease has run out.
 */
@Component
class RebuildStore {

    static final String LOCK_COLLECTION = "indicator_rebuild_lock";
    static final String LOCK_ID = "rebuild";

    private final MongoTemplate mongo;

    RebuildStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Takes the lock for {@code rebuildId} unless another rebuild holds it.
     *
     * @return empty when another holds it; else the id of a previous holder whose lease ran out, if any
     */
    Optional<Optional<String>> lock(String rebuildId, Instant now, Duration lease) {
        Query free = Query.query(where("_id")
                .is(LOCK_ID)
                .orOperator(
                        where("claimedUntil").is(null), where("claimedUntil").lt(now)));
        try {
            Document previous = mongo.findAndModify(
                    free,
                    new Update().set("rebuildId", rebuildId).set("claimedUntil", now.plus(lease)),
                    FindAndModifyOptions.options().upsert(true).returnNew(false),
                    Document.class,
                    LOCK_COLLECTION);
            boolean abandoned = previous != null && previous.get("claimedUntil") != null;
            return Optional.of(Optional.ofNullable(abandoned ? previous.getString("rebuildId") : null));
        } catch (DuplicateKeyException heldByAnother) {
            return Optional.empty();
        }
    }

    /** Keeps the lock alive; false when it is no longer ours. */
    boolean renew(String rebuildId, Instant now, Duration lease) {
        return mongo.updateFirst(lockOf(rebuildId), new Update().set("claimedUntil", now.plus(lease)), LOCK_COLLECTION)
                        .getModifiedCount()
                > 0;
    }

    void unlock(String rebuildId) {
        mongo.updateFirst(lockOf(rebuildId), new Update().unset("claimedUntil"), LOCK_COLLECTION);
    }

    private static Query lockOf(String rebuildId) {
        return Query.query(where("_id").is(LOCK_ID).and("rebuildId").is(rebuildId));
    }

    void insert(RebuildRun run) {
        mongo.insert(run);
    }

    void progress(String rebuildId, long events) {
        mongo.updateFirst(running(rebuildId), new Update().set("events", events), RebuildRun.class);
    }

    void finish(String rebuildId, RebuildRun.Status status, Instant at, long events, String failure) {
        Update update = new Update().set("status", status).set("finishedAt", at).set("events", events);
        if (failure != null) {
            update.set("failure", failure);
        }
        mongo.updateFirst(running(rebuildId), update, RebuildRun.class);
    }

    /** A rebuild whose instance stopped holding the lock without finishing. */
    void abandon(String rebuildId, Instant at) {
        mongo.updateFirst(
                running(rebuildId),
                new Update()
                        .set("status", RebuildRun.Status.FAILED)
                        .set("finishedAt", at)
                        .set("failure", "abandoned: its instance stopped"),
                RebuildRun.class);
    }

    private static Query running(String rebuildId) {
        return Query.query(Criteria.where("_id").is(rebuildId).and("status").is(RebuildRun.Status.RUNNING));
    }

    Optional<RebuildRun> latest() {
        return Optional.ofNullable(mongo.findOne(
                new Query().with(Sort.by(Sort.Direction.DESC, "startedAt")).limit(1), RebuildRun.class));
    }

    /**
     * One rebuild of the facts.
     *
     * @param events the records replayed so far
     * @param startedBy the admin's user id
     * @param failure why it failed (no data), or null
     */
    @org.springframework.data.mongodb.core.mapping.Document("indicator_rebuilds")
    record RebuildRun(
            @Id String id,
            Status status,
            Instant startedAt,
            Instant finishedAt,
            long events,
            String startedBy,
            String failure) {

        enum Status {
            RUNNING,
            DONE,
            FAILED
        }
    }
}
