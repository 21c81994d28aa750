package fr.maillage.subscription.subscription;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Per-subscription event numbers (1, 2, 3…), each taken by one atomic {@code $inc}: never the same number
 * twice, whatever the number of instances and threads. Kept in their own documents, not in the
 * subscription's, so that saving a subscription (a whole-document write) can never put a counter back.
 */
@Component
class EventNumberStore {

    static final String COLLECTION = "subscription_event_numbers";
    private static final String LAST = "last";

    private final MongoTemplate mongo;

    EventNumberStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    long next(String subscriptionId) {
        Query query = Query.query(Criteria.where("_id").is(subscriptionId));
        Update increment = new Update().inc(LAST, 1L);
        FindAndModifyOptions options =
                FindAndModifyOptions.options().upsert(true).returnNew(true);
        Document counter;
        try {
            counter = mongo.findAndModify(query, increment, options, Document.class, COLLECTION);
        } catch (DuplicateKeyException firstUpsertRaced) {
            // Two first numbers asked at once: one upsert created the counter; the other increments it now.
            counter = mongo.findAndModify(query, increment, options, Document.class, COLLECTION);
        }
        return ((Number) counter.get(LAST)).longValue();
    }

    void forget(String subscriptionId) {
        mongo.remove(Query.query(Criteria.where("_id").is(subscriptionId)), COLLECTION);
    }
}
