package fr.maillage.platform.data;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Objects;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The personRefs a service has heard were erased from the registry ({@value #COLLECTION}: the
 * personRef as id, nothing else but when), so that an event about that person heard after
 * {@code person-erased.v1} (another key, so another partition) is anonymised or ignored too.
 */
public final class ErasedPersons {

    public static final String COLLECTION = "erased_persons";

    private final MongoTemplate mongo;

    public ErasedPersons(MongoTemplate mongo) {
        this.mongo = Objects.requireNonNull(mongo, "mongo");
    }

    /** Remembers the erasure; the first time heard stays (idempotent). */
    public void remember(String personRef, Instant erasedAt) {
        mongo.upsert(
                Query.query(where("_id").is(personRef)), new Update().setOnInsert("erasedAt", erasedAt), COLLECTION);
    }

    public boolean contains(String personRef) {
        return personRef != null && mongo.exists(Query.query(where("_id").is(personRef)), COLLECTION);
    }
}
