package fr.maillage.evaluation.closing;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The misses already announced, keyed {@code <territory>:<quarter>:<indicatorId>}. */
@Component
class IndicatorMissStore {

    private final MongoTemplate mongo;

    IndicatorMissStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    boolean announced(String key) {
        return mongo.findById(key, IndicatorMiss.class) != null;
    }

    /**
     * Records the miss with its event in one insert; false when it was already there (another instance,
     * or an earlier sweep, announced it).
     */
    boolean record(IndicatorMiss miss) {
        try {
            mongo.insert(miss);
            return true;
        } catch (DuplicateKeyException alreadyAnnounced) {
            return false;
        }
    }
}
