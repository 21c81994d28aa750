package fr.maillage.evaluation.questionnaire;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.maillage.platform.data.ErasedPersons;
import fr.maillage.platform.security.CurrentUser;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The care-team projection ({@link CareTeam}, {@link GroupFacilitators}) and the question every read or
 * record of a person's answers asks: is the caller in this person's care team? Writes are {@code
 * $addToSet} upserts (idempotent, order-insensitive). Nothing is written for a person known to be erased
 * ({@code erased_persons}), and a write that raced with the erasure is undone.
 */
@Service
public class CareTeamService {

    private static final Logger log = LoggerFactory.getLogger(CareTeamService.class);

    private final MongoTemplate mongo;
    private final ErasedPersons erased;

    CareTeamService(MongoTemplate mongo) {
        this.mongo = mongo;
        this.erased = new ErasedPersons(mongo);
    }

    /** {@code group-scheduled} / {@code group-opened}: these are the group's facilitators. */
    public void facilitators(String groupId, Collection<String> facilitatorIds) {
        if (facilitatorIds.isEmpty()) {
            return;
        }
        mongo.upsert(
                Query.query(where("_id").is(groupId)),
                new Update().addToSet("facilitatorIds").each(facilitatorIds.toArray()),
                GroupFacilitators.class);
    }

    /** The person is (or was) enrolled in the group: its facilitators are in their care team. */
    public void enrolled(String personRef, String groupId) {
        add(personRef, new Update().addToSet("groupIds", groupId));
    }

    /** A referral about the person names these institutions: their clinicians and facilitators are in it. */
    public void referred(String personRef, Collection<String> institutions) {
        if (institutions.isEmpty()) {
            return;
        }
        add(personRef, new Update().addToSet("institutions").each(institutions.toArray()));
    }

    private void add(String personRef, Update update) {
        if (erased.contains(personRef)) {
            log.debug("Person {} was erased: no care team kept", personRef);
            return;
        }
        mongo.upsert(Query.query(where("_id").is(personRef)), update, CareTeam.class);
        // The erasure may have been heard (on another partition) between the check and the write.
        if (erased.contains(personRef)) {
            forget(personRef);
        }
    }

    /** Whether the caller is in the person's care team (a partner, a coordinator never is). */
    public boolean includes(String personRef, CurrentUser user) {
        if (personRef == null || !CareTeam.mayBeCareTeam(user)) {
            return false;
        }
        CareTeam team = mongo.findById(personRef, CareTeam.class);
        if (team == null) {
            return false;
        }
        List<String> facilitated = team.groupIds().isEmpty()
                ? List.of()
                : mongo
                        .find(
                                Query.query(where("_id")
                                        .in(team.groupIds())
                                        .and("facilitatorIds")
                                        .is(user.id())),
                                GroupFacilitators.class)
                        .stream()
                        .map(GroupFacilitators::groupId)
                        .toList();
        return team.includes(user, facilitated);
    }

    /** Remembers that the person was erased, so later events about them add nothing. */
    public void rememberErased(String personRef, Instant erasedAt) {
        erased.remember(personRef, erasedAt);
    }

    public boolean isErased(String personRef) {
        return erased.contains(personRef);
    }

    /** Forgets the person's care team. */
    public void forget(String personRef) {
        mongo.remove(Query.query(where("_id").is(personRef)), CareTeam.class);
    }
}
