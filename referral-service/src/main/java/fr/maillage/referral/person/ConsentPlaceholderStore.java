package fr.maillage.referral.person;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

// PLACEHOLDER (issue 4 merge): storage behind the placeholder Consents; dropped with it.
/** Consent records in collection {@code consents}. */
@Component
class ConsentPlaceholderStore {

    private static final String COLLECTION = "consents";

    private final MongoTemplate mongo;

    ConsentPlaceholderStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    ConsentRecord insert(ConsentRecord consent) {
        return mongo.insert(consent, COLLECTION);
    }

    Optional<ConsentRecord> covering(String personRef, String resourceId, String institution, Instant at) {
        Query query = Query.query(Criteria.where("personRef")
                        .is(personRef)
                        .and("withdrawnAt")
                        .is(null)
                        .and("givenAt")
                        .lte(at)
                        .orOperator(
                                Criteria.where("resources").is(resourceId),
                                Criteria.where("institutions").is(institution)))
                .with(Sort.by(Sort.Direction.DESC, "givenAt"));
        return Optional.ofNullable(mongo.findOne(query, ConsentRecord.class, COLLECTION));
    }
}
