package fr.maillage.meeting.proposal;

import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The declines remembered per person ({@link DeclineHistory}): read, decide, save guarded by
 * {@code @Version}. Declines are keyed by referral, so two instances may hear declines of one person at
 * once: the loser reads again and decides again on what the winner saved.
 */
@Component
class DeclineStore {

    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;

    DeclineStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return whether this decline proposes a case review (see {@link DeclineHistory#decline}) */
    boolean decline(String personRef, String referralId, Instant declinedAt, Duration window) {
        for (int attempt = 1; ; attempt++) {
            DeclineHistory history = mongo.findById(personRef, DeclineHistory.class);
            if (history == null) {
                history = DeclineHistory.of(personRef);
            }
            boolean proposes = history.decline(referralId, declinedAt, window);
            try {
                mongo.save(history);
                return proposes;
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrentWrite) {
                if (attempt == ATTEMPTS) {
                    throw concurrentWrite;
                }
            }
        }
    }

    void forget(String personRef) {
        mongo.remove(Query.query(Criteria.where("_id").is(personRef)), DeclineHistory.class);
    }

    DeclineHistory of(String personRef) {
        return mongo.findById(personRef, DeclineHistory.class);
    }
}
