package fr.maillage.workshop.enrolment;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.maillage.platform.data.ErasedPersons;
import fr.maillage.platform.data.MongoLeases;
import fr.maillage.workshop.enrolment.EnrolmentRequest.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The enrolment requests, with single-document compare-and-set writes (no transaction needed), and the
 * personRefs erased from the registry ({@code erased_persons}), so that an acceptance heard after the
 * erasure is stored anonymised too.
 */
@Component
class EnrolmentRequestStore {

    private static final String ANONYMISED = "anonymised";

    private final MongoTemplate mongo;
    private final ErasedPersons erased;
    private final Clock clock;
    private final MongoLeases<EnrolmentRequest> leases;

    EnrolmentRequestStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.erased = new ErasedPersons(mongo);
        this.clock = clock;
        this.leases = new MongoLeases<>(mongo, EnrolmentRequest.class);
        mongo.indexOps(EnrolmentRequest.class)
                .createIndex(new Index().on("state", Sort.Direction.ASC).on("programmeId", Sort.Direction.ASC));
        mongo.indexOps(EnrolmentRequest.class).createIndex(new Index().on("personRef", Sort.Direction.ASC));
    }

    /** Remembers that the person was erased (their personRef only, the key of later anonymisations). */
    void rememberErased(String personRef, Instant erasedAt) {
        erased.remember(personRef, erasedAt);
    }

    boolean isErased(String personRef) {
        return erased.contains(personRef);
    }

    /** Anonymises every request of the person, whatever its state; returns how many there were. */
    long anonymise(String personRef) {
        return mongo.updateMulti(
                        Query.query(where("personRef").is(personRef)),
                        new Update().unset("personRef").set(ANONYMISED, true),
                        EnrolmentRequest.class)
                .getModifiedCount();
    }

    /** Stores the request unless one exists for that referral already (a redelivery). */
    boolean addIfAbsent(EnrolmentRequest request) {
        try {
            mongo.insert(request);
            return true;
        } catch (DuplicateKeyException alreadyReceived) {
            return false;
        }
    }

    /** The requests waiting for a group; anonymised ones wait for nothing (nobody to enrol). */
    List<EnrolmentRequest> pendingFor(String programmeId) {
        return mongo.find(
                Query.query(where("state")
                        .is(State.PENDING)
                        .and("programmeId")
                        .is(programmeId)
                        .and(ANONYMISED)
                        .ne(true)),
                EnrolmentRequest.class);
    }

    List<String> programmesWithPendingRequests() {
        Query pending =
                Query.query(where("state").is(State.PENDING).and(ANONYMISED).ne(true));
        pending.fields().include("programmeId");
        return mongo.find(pending, EnrolmentRequest.class).stream()
                .map(EnrolmentRequest::programmeId)
                .distinct()
                .toList();
    }

    /** Takes the lease on a pending request if nobody holds it; empty if placed or leased by another. */
    Optional<EnrolmentRequest> claim(String referralId, String worker, Duration lease) {
        return leases.claim(
                referralId, where("state").is(State.PENDING).and(ANONYMISED).ne(true), worker, lease, clock.instant());
    }

    void release(String referralId, String worker) {
        leases.release(referralId, worker);
    }

    void markPlaced(String referralId, String groupId, String enrolmentId) {
        mongo.updateFirst(
                Query.query(new Criteria("_id").is(referralId)),
                MongoLeases.clear(new Update()
                        .set("state", State.PLACED)
                        .set("groupId", groupId)
                        .set("enrolmentId", enrolmentId)),
                EnrolmentRequest.class);
    }
}
