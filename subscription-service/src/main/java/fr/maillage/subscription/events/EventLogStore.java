package fr.maillage.subscription.events;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The event log in MongoDB: one document per event id ({@link LoggedEvent}) and one per partition
 * ({@link EventPartition}). Single-document writes only.
 */
@Component
public class EventLogStore implements EventLog {

    private static final Sort LOG_ORDER = Sort.by("time", "topic", "partition", "offset");

    private static final Sort PARTITION_ORDER = Sort.by("offset");

    private final MongoTemplate mongo;

    EventLogStore(MongoTemplate mongo) {
        this.mongo = mongo;
        // Two compound indexes on one document class (a repeated annotation would not be a plain mapping).
        IndexOperations indexes = mongo.indexOps(LoggedEvent.class);
        indexes.createIndex(new Index()
                .on("time", Sort.Direction.ASC)
                .on("topic", Sort.Direction.ASC)
                .on("partition", Sort.Direction.ASC)
                .on("offset", Sort.Direction.ASC)
                .named("log_order"));
        indexes.createIndex(new Index()
                .on("topic", Sort.Direction.ASC)
                .on("partition", Sort.Direction.ASC)
                .on("offset", Sort.Direction.ASC)
                .named("partition_order"));
    }

    // ---- writing (the listener and the retention sweep)

    /** Makes the partition known before any of its events is stored, so a reader never overlooks it. */
    void ensurePartition(String topic, int partition) {
        String key = EventPartition.key(topic, partition);
        mongo.upsert(
                Query.query(where("_id").is(key)),
                new Update()
                        .setOnInsert("topic", topic)
                        .setOnInsert("partition", partition)
                        .setOnInsert("head", -1L),
                EventPartition.class);
    }

    /** @return false when an event with this id is already logged (a redelivery): nothing is written */
    boolean insert(StoredEvent event, Instant now) {
        try {
            mongo.insert(LoggedEvent.of(event, now));
            return true;
        } catch (DuplicateKeyException alreadyLogged) {
            return false;
        }
    }

    Optional<LoggedEvent> find(String id) {
        return Optional.ofNullable(mongo.findById(id, LoggedEvent.class));
    }

    void markPlanned(String id, Instant at) {
        mongo.updateFirst(
                Query.query(where("_id").is(id).and("plannedAt").is(null)),
                Update.update("plannedAt", at),
                LoggedEvent.class);
    }

    /** Every offset of the partition up to {@code offset} is handled. */
    void advanceHead(String topic, int partition, long offset) {
        mongo.updateFirst(
                Query.query(where("_id").is(EventPartition.key(topic, partition))),
                new Update().max("head", offset),
                EventPartition.class);
    }

    /**
     * Removes the events whose time is before {@code cutoff}, after noting per partition the highest
     * offset removed (so a feed cursor behind it is known to have missed events).
     *
     * @return the events removed
     */
    long purgeBefore(Instant cutoff) {
        for (EventPartition partition : partitions()) {
            LoggedEvent last = mongo.findOne(
                    Query.query(where("topic")
                                    .is(partition.topic())
                                    .and("partition")
                                    .is(partition.partition())
                                    .and("time")
                                    .lt(cutoff))
                            .with(Sort.by(Sort.Direction.DESC, "offset"))
                            .limit(1),
                    LoggedEvent.class);
            if (last != null) {
                mongo.findAndModify(
                        Query.query(where("_id").is(partition.id())),
                        new Update().max("purgedThrough", last.offset()),
                        FindAndModifyOptions.none(),
                        EventPartition.class);
            }
        }
        return mongo.remove(Query.query(where("time").lt(cutoff)), LoggedEvent.class)
                .getDeletedCount();
    }

    // ---- reading

    @Override
    public List<StoredEvent> since(Instant from, StoredEvent after, int limit) {
        Criteria criteria = where("time").gte(from);
        if (after != null) {
            criteria = new Criteria()
                    .andOperator(
                            criteria,
                            new Criteria()
                                    .orOperator(
                                            where("time").gt(after.time()),
                                            where("time")
                                                    .is(after.time())
                                                    .and("topic")
                                                    .gt(after.topic()),
                                            where("time")
                                                    .is(after.time())
                                                    .and("topic")
                                                    .is(after.topic())
                                                    .and("partition")
                                                    .gt(after.partition()),
                                            where("time")
                                                    .is(after.time())
                                                    .and("topic")
                                                    .is(after.topic())
                                                    .and("partition")
                                                    .is(after.partition())
                                                    .and("offset")
                                                    .gt(after.offset())));
        }
        return mongo.find(Query.query(criteria).with(LOG_ORDER).limit(limit), LoggedEvent.class).stream()
                .map(LoggedEvent::toStoredEvent)
                .toList();
    }

    /** Every partition the log has seen. */
    public List<EventPartition> partitions() {
        return mongo.findAll(EventPartition.class);
    }

    /**
     * The events of one partition with {@code after < offset <= through} that pass the filter, in offset
     * order, at most {@code limit}.
     */
    public List<StoredEvent> partition(
            String topic, int partition, long after, long through, EventFilter filter, int limit) {
        List<Criteria> all = new ArrayList<>();
        all.add(where("topic")
                .is(topic)
                .and("partition")
                .is(partition)
                .and("offset")
                .gt(after)
                .lte(through));
        if (filter.institution() != null) {
            all.add(where("audience").is(filter.institution()));
        }
        if (!filter.anyType()) {
            List<Criteria> types = new ArrayList<>();
            if (!filter.types().isEmpty()) {
                types.add(where("type").in(filter.types()));
            }
            for (String prefix : filter.typePrefixes()) {
                types.add(where("type").regex("^" + prefix.replace(".", "\\.")));
            }
            all.add(new Criteria().orOperator(types));
        }
        Query query = Query.query(new Criteria().andOperator(all))
                .with(PARTITION_ORDER)
                .limit(limit);
        return mongo.find(query, LoggedEvent.class).stream()
                .map(LoggedEvent::toStoredEvent)
                .toList();
    }
}
