package fr.maillage.platform.data;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A short lease on one document, so that one worker at a time acts on it across instances: a
 * single-document compare-and-set on two top-level fields, {@value #CLAIMED_BY} (the worker) and
 * {@value #CLAIMED_UNTIL} (an instant), no transaction needed. A lease nobody released expires by
 * itself. The entity maps both fields (e.g. {@code String claimedBy, Instant claimedUntil}).
 *
 * <pre>{@code
 * private final MongoLeases<Proposal> leases = new MongoLeases<>(mongo, Proposal.class);
 *
 * Optional<Proposal> claim(String id, String worker, Duration lease) {
 *     return leases.claim(id, where("status").is(Status.PENDING), worker, lease, clock.instant());
 * }
 * }</pre>
 *
 * @param <T> the entity whose collection holds the leased documents
 */
public final class MongoLeases<T> {

    public static final String CLAIMED_BY = "claimedBy";
    public static final String CLAIMED_UNTIL = "claimedUntil";

    private final MongoTemplate mongo;
    private final Class<T> type;

    public MongoLeases(MongoTemplate mongo, Class<T> type) {
        this.mongo = Objects.requireNonNull(mongo, "mongo");
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * Takes the lease on document {@code id} if it is claimable and nobody holds a lease on it that
     * runs past {@code now}.
     *
     * @param claimable what else the document must match (e.g. {@code where("status").is(PENDING)}),
     *     on fields other than {@code _id} and the lease's; {@code null} for nothing else
     * @return the document as it is once leased; empty if it is gone, not claimable or leased by another
     */
    public Optional<T> claim(Object id, Criteria claimable, String worker, Duration lease, Instant now) {
        Objects.requireNonNull(worker, "worker");
        Criteria leaseFree = new Criteria()
                .orOperator(where(CLAIMED_UNTIL).is(null), where(CLAIMED_UNTIL).lt(now));
        Query free = Query.query(where("_id").is(id));
        if (claimable == null) {
            free.addCriteria(leaseFree);
        } else if (claimable.getKey() == null || claimable.getCriteriaObject().containsKey("$or")) {
            // Side by side, two $or (or two keyless criteria) would overwrite each other: nest them.
            free.addCriteria(new Criteria().andOperator(claimable, leaseFree));
        } else {
            // {_id, <claimable>, $or: [lease free]}: one flat filter, as the stores wrote it by hand.
            free.addCriteria(claimable);
            free.addCriteria(leaseFree);
        }
        return Optional.ofNullable(mongo.findAndModify(
                free,
                new Update().set(CLAIMED_BY, worker).set(CLAIMED_UNTIL, now.plus(lease)),
                FindAndModifyOptions.options().returnNew(true),
                type));
    }

    /** Gives the lease back if {@code worker} still holds it (after it expired, another may). */
    public void release(Object id, String worker) {
        mongo.updateFirst(Query.query(where("_id").is(id).and(CLAIMED_BY).is(worker)), clear(new Update()), type);
    }

    /** Adds the removal of the lease to {@code update}: for the write that ends the leased work. */
    public static Update clear(Update update) {
        return update.unset(CLAIMED_BY).unset(CLAIMED_UNTIL);
    }
}
