package fr.maillage.meeting.proposal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.maillage.meeting.proposal.Proposal.Status;
import fr.maillage.platform.data.ErasedPersons;
import fr.maillage.platform.data.MongoLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The proposals, written with single-document compare-and-set updates (no transaction needed), and the
 * personRefs erased from the registry ({@code erased_persons}), so that a cause about an erased person
 * heard after the erasure proposes nothing.
 */
@Component
class ProposalStore {

    private static final String PERSON_REF = "item.personRef";

    private final MongoTemplate mongo;
    private final ErasedPersons erased;
    private final Clock clock;
    private final MongoLeases<Proposal> leases;

    ProposalStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.erased = new ErasedPersons(mongo);
        this.clock = clock;
        this.leases = new MongoLeases<>(mongo, Proposal.class);
        var indexes = mongo.indexOps(Proposal.class);
        indexes.createIndex(
                new Index().on("causeKey", Sort.Direction.ASC).unique().named("causeKey_unique"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("territory", Sort.Direction.ASC));
        indexes.createIndex(new Index().on(PERSON_REF, Sort.Direction.ASC));
    }

    /** Stores the proposal unless its cause is already known. */
    boolean addIfAbsent(Proposal proposal) {
        try {
            mongo.insert(proposal);
            return true;
        } catch (DuplicateKeyException causeAlreadyKnown) {
            return false;
        }
    }

    Optional<Proposal> byCause(String causeKey) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("causeKey").is(causeKey)), Proposal.class));
    }

    /** The territory's pending proposals, oldest first (the order they land in). */
    List<Proposal> pendingIn(String territory) {
        return mongo
                .find(
                        Query.query(where("status")
                                .is(Status.PENDING)
                                .and("territory")
                                .is(territory)),
                        Proposal.class)
                .stream()
                .sorted(Comparator.comparing(Proposal::createdAt).thenComparing(Proposal::id))
                .toList();
    }

    List<String> territoriesWithPending() {
        Query pending = Query.query(where("status").is(Status.PENDING));
        pending.fields().include("territory");
        return mongo.find(pending, Proposal.class).stream()
                .map(Proposal::territory)
                .distinct()
                .toList();
    }

    /** Takes the lease on a pending proposal if nobody holds it; empty if placed, gone or leased by another. */
    Optional<Proposal> claim(String id, String worker, Duration lease) {
        return leases.claim(id, where("status").is(Status.PENDING), worker, lease, clock.instant());
    }

    void release(String id, String worker) {
        leases.release(id, worker);
    }

    /** @return false when the proposal is no longer pending (its person was erased meanwhile) */
    boolean markPlaced(String id, String meetingId, String itemId) {
        return mongo.updateFirst(
                                Query.query(where("_id").is(id).and("status").is(Status.PENDING)),
                                MongoLeases.clear(new Update()
                                        .set("status", Status.PLACED)
                                        .set("meetingId", meetingId)
                                        .set("itemId", itemId)
                                        .set("placedAt", clock.instant())),
                                Proposal.class)
                        .getModifiedCount()
                > 0;
    }

    // ---- erasure

    /** Remembers that the person was erased (their personRef only, the key of later refusals). */
    void rememberErased(String personRef, Instant erasedAt) {
        erased.remember(personRef, erasedAt);
    }

    boolean isErased(String personRef) {
        return erased.contains(personRef);
    }

    /** Deletes the person's pending proposals; returns how many there were. */
    long forgetPending(String personRef) {
        return mongo.remove(
                        Query.query(
                                where(PERSON_REF).is(personRef).and("status").is(Status.PENDING)),
                        Proposal.class)
                .getDeletedCount();
    }

    /**
     * The person's placed proposals keep where they landed but no longer say whom they were about: no
     * personRef, and a cause key that no longer contains it.
     */
    int anonymisePlaced(String personRef) {
        List<Proposal> placed = mongo.find(
                Query.query(where(PERSON_REF).is(personRef).and("status").is(Status.PLACED)), Proposal.class);
        for (Proposal proposal : placed) {
            String anonymousKey = "erased:" + proposal.id();
            mongo.updateFirst(
                    Query.query(where("_id").is(proposal.id())),
                    new Update().unset(PERSON_REF).set("causeKey", anonymousKey).set("item.causeKey", anonymousKey),
                    Proposal.class);
        }
        return placed.size();
    }
}
