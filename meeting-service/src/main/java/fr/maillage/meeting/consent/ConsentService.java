package fr.maillage.meeting.consent;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The consent projection: referral-service's consent events applied to {@link PersonConsents}, and the
 * {@link ConsentRegistry} the meetings ask before a case review. Writes are read-apply-save guarded by
 * {@code @Version}; the projection's changes commute, so a concurrent writer is simply applied again.
 */
@Service
public class ConsentService implements ConsentRegistry {

    private static final Logger log = LoggerFactory.getLogger(ConsentService.class);

    /** Enough for the rare race between two instances on one person; then the listener's retries take over. */
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;

    ConsentService(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean coversCaseReview(String personRef) {
        if (personRef == null) {
            return false;
        }
        PersonConsents consents = mongo.findById(personRef, PersonConsents.class);
        return consents != null && consents.coversCaseReview();
    }

    /** {@code consent-recorded.v1}; idempotent. */
    public void recorded(String personRef, String consentId, String purpose) {
        apply(personRef, consents -> consents.recorded(consentId, purpose));
        log.info("Consent {} ({}) of person {} recorded", consentId, purpose, personRef);
    }

    /** {@code consent-withdrawn.v1}; idempotent, and final whatever order the events come in. */
    public void withdrawn(String personRef, String consentId, String purpose) {
        apply(personRef, consents -> consents.withdrawn(consentId, purpose));
        log.info("Consent {} ({}) of person {} withdrawn", consentId, purpose, personRef);
    }

    /** {@code person-erased.v1}: nothing of the person's consents is kept. */
    public void forget(String personRef) {
        mongo.remove(Query.query(Criteria.where("_id").is(personRef)), PersonConsents.class);
    }

    private void apply(String personRef, Consumer<PersonConsents> change) {
        for (int attempt = 1; ; attempt++) {
            PersonConsents consents = mongo.findById(personRef, PersonConsents.class);
            if (consents == null) {
                consents = PersonConsents.of(personRef);
            }
            change.accept(consents);
            try {
                mongo.save(consents);
                return;
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrentWrite) {
                if (attempt == ATTEMPTS) {
                    throw concurrentWrite;
                }
            }
        }
    }
}
