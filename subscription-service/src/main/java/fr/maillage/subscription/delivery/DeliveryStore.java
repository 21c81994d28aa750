package fr.maillage.subscription.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.maillage.platform.data.MongoLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The deliveries collection: single-document writes only (no transactions), every change after a send
 * conditional on still holding the lease.
 */
@Component
public class DeliveryStore {

    /**
     * Set by a replay of a delivery whose send is in flight (leased): the attempt's outcome is recorded, then
     * the delivery is due again at once instead of keeping that outcome (see {@link #recordAttempt}).
     */
    static final String REPLAY_REQUESTED = "replayRequested";

    /** How long a planner may take between inserting a delivery and numbering it. */
    static final Duration UNNUMBERED_GRACE = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final MongoLeases<Delivery> leases;

    DeliveryStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.leases = new MongoLeases<>(mongo, Delivery.class);
        var indexes = mongo.indexOps(Delivery.class);
        indexes.createIndex(new Index()
                .on("subscriptionId", Sort.Direction.ASC)
                .on("eventId", Sort.Direction.ASC)
                .unique()
                .named("subscription_event"));
        indexes.createIndex(new Index()
                .on("status", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC)
                .named("due"));
        indexes.createIndex(new Index()
                .on("subscriptionId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC)
                .named("subscription_created"));
    }

    /** Inserts it unless the subscription already has a delivery of that event; true when inserted. */
    public boolean insertIfAbsent(Delivery delivery) {
        try {
            mongo.insert(delivery);
            return true;
        } catch (DuplicateKeyException alreadyOwed) {
            return false;
        }
    }

    /** Gives it its event number unless it has one (the first writer wins); the number it ends with. */
    public long number(String id, long eventNumber) {
        Delivery numbered = mongo.findAndModify(
                Query.query(where("_id").is(id).and("eventNumber").is(null)),
                new Update().set("eventNumber", eventNumber),
                FindAndModifyOptions.options().returnNew(true),
                Delivery.class);
        if (numbered != null) {
            return eventNumber;
        }
        Delivery delivery = mongo.findById(id, Delivery.class);
        return delivery == null || delivery.eventNumber() == null ? eventNumber : delivery.eventNumber();
    }

    public Optional<Delivery> find(String subscriptionId, String eventId) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(where("subscriptionId")
                        .is(subscriptionId)
                        .and("eventId")
                        .is(eventId)),
                Delivery.class));
    }

    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Delivery.class));
    }

    /**
     * PENDING deliveries due by {@code now} and not leased, the longest waiting first, then by number. A
     * delivery the planner has not numbered yet is left to it (numbering it here too would spend a second
     * number and show the partner a gap), unless it stayed unnumbered for {@link #UNNUMBERED_GRACE}: then its
     * planner died between the insert and the number, and the dispatcher numbers it.
     */
    public List<Delivery> due(Instant now, int limit) {
        Query query = Query.query(new Criteria()
                        .andOperator(
                                where("status")
                                        .is(DeliveryStatus.PENDING)
                                        .and("nextAttemptAt")
                                        .lte(now),
                                new Criteria()
                                        .orOperator(
                                                where(MongoLeases.CLAIMED_UNTIL).is(null),
                                                where(MongoLeases.CLAIMED_UNTIL).lt(now)),
                                new Criteria()
                                        .orOperator(
                                                where("eventNumber").ne(null),
                                                where("createdAt").lt(now.minus(UNNUMBERED_GRACE)))))
                .with(Sort.by("nextAttemptAt", "eventNumber"))
                .limit(limit);
        query.fields().exclude("attempts", "cloudEvent");
        return mongo.find(query, Delivery.class);
    }

    /** The subscriptions with HELD deliveries (at most {@code limit}). */
    public List<String> heldSubscriptions(int limit) {
        return mongo
                .findDistinct(
                        Query.query(where("status").is(DeliveryStatus.HELD)),
                        "subscriptionId",
                        Delivery.class,
                        String.class)
                .stream()
                .limit(limit)
                .toList();
    }

    /**
     * HELD -> PENDING, due since they were held (not from now: they stay ahead of what was planned since, and
     * within a poll's batch).
     */
    public long release(String subscriptionId) {
        return mongo.updateMulti(
                        Query.query(where("subscriptionId")
                                .is(subscriptionId)
                                .and("status")
                                .is(DeliveryStatus.HELD)),
                        new Update().set("status", DeliveryStatus.PENDING).unset("statusReason"),
                        Delivery.class)
                .getModifiedCount();
    }

    /** HELD -> CANCELLED (the subscription is gone or disabled). */
    public long cancelHeld(String subscriptionId, String reason) {
        return mongo.updateMulti(
                        Query.query(where("subscriptionId")
                                .is(subscriptionId)
                                .and("status")
                                .is(DeliveryStatus.HELD)),
                        new Update().set("status", DeliveryStatus.CANCELLED).set("statusReason", reason),
                        Delivery.class)
                .getModifiedCount();
    }

    /** The lease on a due PENDING delivery. */
    public Optional<Delivery> claim(String id, String worker, Duration lease, Instant now) {
        return leases.claim(
                id,
                where("status").is(DeliveryStatus.PENDING).and("nextAttemptAt").lte(now),
                worker,
                lease,
                now);
    }

    /**
     * Records an attempt and what follows, and gives the lease back; false when the lease was lost meanwhile.
     * If a replay was asked for during the send, the attempt is recorded but the delivery is PENDING again,
     * due at once, a new round: the replay is honoured after the send instead of being overwritten by it.
     */
    public boolean recordAttempt(
            String id,
            String worker,
            DeliveryAttempt attempt,
            DeliveryStatus status,
            String reason,
            int failures,
            Instant nextAttemptAt,
            Instant deliveredAt) {
        Update update = new Update()
                .push("attempts", attempt)
                .set("status", status)
                .set("failures", failures)
                .set("nextAttemptAt", nextAttemptAt);
        update = reason == null ? update.unset("statusReason") : update.set("statusReason", reason);
        if (deliveredAt != null) {
            update.set("deliveredAt", deliveredAt);
        }
        if (mongo.updateFirst(
                                leasedBy(id, worker)
                                        .addCriteria(where(REPLAY_REQUESTED).ne(true)),
                                MongoLeases.clear(update),
                                Delivery.class)
                        .getModifiedCount()
                == 1) {
            return true;
        }
        Update replayed = new Update()
                .push("attempts", attempt)
                .set("status", DeliveryStatus.PENDING)
                .set("statusReason", "replayed")
                .set("failures", 0)
                .set("nextAttemptAt", attempt.at())
                .unset(REPLAY_REQUESTED);
        if (deliveredAt != null) {
            replayed.set("deliveredAt", deliveredAt);
        }
        return mongo.updateFirst(
                                leasedBy(id, worker)
                                        .addCriteria(where(REPLAY_REQUESTED).is(true)),
                                MongoLeases.clear(replayed),
                                Delivery.class)
                        .getModifiedCount()
                == 1;
    }

    private static Query leasedBy(String id, String worker) {
        return Query.query(where("_id").is(id).and(MongoLeases.CLAIMED_BY).is(worker));
    }

    /** Moves a leased delivery to HELD or CANCELLED without sending it, and gives the lease back. */
    public void settle(String id, String worker, DeliveryStatus status, String reason) {
        // a replay asked meanwhile is moot: HELD is sent on release anyway, CANCELLED never is
        mongo.updateFirst(
                leasedBy(id, worker),
                MongoLeases.clear(new Update()
                        .set("status", status)
                        .set("statusReason", reason)
                        .unset(REPLAY_REQUESTED)),
                Delivery.class);
    }

    /** Gives the lease back untouched (e.g. when stopping before the send). */
    public void release(String id, String worker) {
        leases.release(id, worker);
    }

    /**
     * A replay: due now again (or HELD), a new round of attempts; same id, number and body. A delivery being
     * sent (leased) is only marked: its worker's {@link #recordAttempt} makes it due again after the send, so
     * the send's outcome cannot overwrite the replay.
     */
    public void replay(String id, boolean held, Instant now) {
        Update replay = new Update()
                .set("status", held ? DeliveryStatus.HELD : DeliveryStatus.PENDING)
                .set("statusReason", held ? "subscription-paused" : "replayed")
                .set("nextAttemptAt", now)
                .set("failures", 0)
                .unset(REPLAY_REQUESTED);
        Update mark = new Update().set(REPLAY_REQUESTED, true).set("nextAttemptAt", now);
        // Each write is conditional on the lease as it is; a lease taken or given back in between: again.
        while (true) {
            if (mongo.updateFirst(
                                    Query.query(where("_id")
                                            .is(id)
                                            .and(MongoLeases.CLAIMED_BY)
                                            .is(null)),
                                    replay,
                                    Delivery.class)
                            .getMatchedCount()
                    == 1) {
                return;
            }
            if (mongo.updateFirst(
                                    Query.query(where("_id")
                                            .is(id)
                                            .and(MongoLeases.CLAIMED_BY)
                                            .ne(null)),
                                    mark,
                                    Delivery.class)
                            .getMatchedCount()
                    == 1) {
                return;
            }
            if (!mongo.exists(Query.query(where("_id").is(id)), Delivery.class)) {
                return;
            }
        }
    }

    /** A subscription's deliveries, the newest first. */
    public Page<Delivery> page(String subscriptionId, DeliveryStatus status, int page, int size) {
        Criteria criteria = where("subscriptionId").is(subscriptionId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        PageRequest request =
                PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("eventNumber")));
        Query query = Query.query(criteria);
        long total = mongo.count(query, Delivery.class);
        List<Delivery> items = mongo.find(Query.query(criteria).with(request), Delivery.class);
        return new PageImpl<>(items, request, total);
    }
}
