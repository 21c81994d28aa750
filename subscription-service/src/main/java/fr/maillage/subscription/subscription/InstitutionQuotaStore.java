package fr.maillage.subscription.subscription;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.function.LongSupplier;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * How many subscriptions each institution holds, one counter document per institution: a place is taken by
 * one conditional {@code $inc} ({@code held < limit}), so concurrent creations (any instance, any thread)
 * can never exceed the limit, which a count followed by an insert could. A counter is seeded from the
 * subscriptions themselves the first time it is needed (subscriptions created before the counters existed).
 */
@Component
class InstitutionQuotaStore {

    static final String COLLECTION = "subscription_institution_quotas";
    private static final String HELD = "held";

    private final MongoTemplate mongo;

    InstitutionQuotaStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Takes a place for one more subscription of the institution.
     *
     * @param existing counts the institution's subscriptions, to seed a missing counter
     * @return false when the institution already holds {@code limit}
     */
    boolean take(String institution, int limit, LongSupplier existing) {
        Query byId = Query.query(where("_id").is(institution));
        if (!mongo.exists(byId, COLLECTION)) {
            try {
                mongo.insert(new Document("_id", institution).append(HELD, existing.getAsLong()), COLLECTION);
            } catch (DuplicateKeyException seededMeanwhile) {
                // another request seeded it first: its count stands
            }
        }
        Document taken = mongo.findAndModify(
                Query.query(where("_id").is(institution).and(HELD).lt((long) limit)),
                new Update().inc(HELD, 1L),
                FindAndModifyOptions.options().returnNew(true),
                Document.class,
                COLLECTION);
        return taken != null;
    }

    /** Gives a place back (a subscription deleted, or its insert failed after {@link #take}). */
    void give(String institution) {
        mongo.updateFirst(
                Query.query(where("_id").is(institution).and(HELD).gt(0L)), new Update().inc(HELD, -1L), COLLECTION);
    }

    /** The places taken now (for tests and diagnostics). */
    long held(String institution) {
        Document counter = mongo.findOne(Query.query(where("_id").is(institution)), Document.class, COLLECTION);
        return counter == null ? 0 : ((Number) counter.get(HELD)).longValue();
    }
}
