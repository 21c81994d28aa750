package fr.maillage.evaluation.questionnaire;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.maillage.evaluation.questionnaire.DueSchedule.Due;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The questionnaires due for people's workshop enrolments ({@link QuestionnaireDue}): scheduled from
 * workshop events, announced once when their time comes (at once when it already has, else by the {@link
 * FollowUpDueWatcher}), answered by a response. Each due is one document whose id is deterministic: a
 * second scheduling (a redelivery, another instance) is a duplicate key and changes nothing.
 */
@Service
public class DueService {

    private static final Logger log = LoggerFactory.getLogger(DueService.class);

    private final MongoTemplate mongo;
    private final DueSchedule schedule;
    private final QuestionnaireMessages messages;
    private final CareTeamService careTeams;
    private final Clock clock;

    DueService(
            MongoTemplate mongo,
            DueSchedule schedule,
            QuestionnaireMessages messages,
            CareTeamService careTeams,
            Clock clock) {
        this.mongo = mongo;
        this.schedule = schedule;
        this.messages = messages;
        this.careTeams = careTeams;
        this.clock = clock;
        var indexes = mongo.indexOps(QuestionnaireDue.class);
        indexes.createIndex(new Index().on("personRef", Sort.Direction.ASC));
        indexes.createIndex(new Index()
                .on("status", Sort.Direction.ASC)
                .on("announcedAt", Sort.Direction.ASC)
                .on("dueAt", Sort.Direction.ASC));
    }

    public Instant now() {
        return clock.instant();
    }

    /** {@code enrolment-confirmed}: the WHO-5 BASELINE. */
    public void enrolmentConfirmed(
            String personRef,
            String enrolmentId,
            String groupId,
            String territory,
            Instant confirmedAt,
            Collection<String> audience) {
        schedule(
                personRef,
                schedule.enrolmentConfirmed(personRef, enrolmentId, groupId, territory, confirmedAt),
                audience);
    }

    /** {@code participant-completed}: the END questionnaires, and the WHO-5 follow-up. */
    public void participantCompleted(
            String personRef,
            String enrolmentId,
            String groupId,
            String territory,
            Instant completedAt,
            Collection<String> audience) {
        schedule(
                personRef,
                schedule.participantCompleted(personRef, enrolmentId, groupId, territory, completedAt),
                audience);
    }

    private void schedule(String personRef, List<Due> dues, Collection<String> audience) {
        if (careTeams.isErased(personRef)) {
            log.debug("Person {} was erased: nothing scheduled", personRef);
            return;
        }
        Instant now = now();
        for (Due due : dues) {
            if (mongo.exists(Query.query(where("_id").is(due.dueId())), QuestionnaireDue.class)) {
                continue;
            }
            QuestionnaireDue scheduled = QuestionnaireDue.schedule(due, audience, now);
            // Answered before the event was heard (the care team did not wait): nothing to announce.
            QuestionnaireResponse answered = mongo.findById(
                    QuestionnaireResponse.personResponseId(
                            due.questionnaireId(), due.personRef(), due.enrolmentId(), due.timepoint()),
                    QuestionnaireResponse.class);
            if (answered != null) {
                scheduled.answeredBy(answered.id(), answered.recordedAt());
            }
            scheduled.announce(now).ifPresent(announced -> messages.append(scheduled, announced));
            try {
                mongo.insert(scheduled);
                log.info(
                        "Due {} ({} {}) scheduled for {}, {}",
                        due.dueId(),
                        due.questionnaireId(),
                        due.timepoint(),
                        due.dueAt(),
                        scheduled.status() == DueStatus.ANSWERED
                                ? "already answered"
                                : scheduled.announcedAt() != null ? "announced" : "to announce then");
            } catch (DuplicateKeyException scheduledMeanwhile) {
                // Another delivery or instance stored (and announced) it first.
                log.debug("Due {} was scheduled meanwhile", due.dueId());
            }
        }
        // The erasure may have been heard (on another partition) while these were written.
        if (careTeams.isErased(personRef)) {
            forget(personRef);
        }
    }

    /** Dues never announced whose time has come, oldest first. */
    List<QuestionnaireDue> dueToAnnounce(Instant now, int limit) {
        Query query = Query.query(where("status")
                        .is(DueStatus.DUE)
                        .and("announcedAt")
                        .is(null)
                        .and("dueAt")
                        .lte(now))
                .with(Sort.by("dueAt", "id"))
                .limit(limit);
        return mongo.find(query, QuestionnaireDue.class);
    }

    /**
     * Announces a due as read, saved against the version read: when another instance (or an answer)
     * changed it meanwhile, the save fails with an optimistic-locking error and nothing is announced.
     *
     * @return whether it was announced
     */
    boolean announce(QuestionnaireDue due, Instant now) {
        return due.announce(now)
                .map(announced -> {
                    messages.append(due, announced);
                    mongo.save(due);
                    return true;
                })
                .orElse(false);
    }

    public Optional<QuestionnaireDue> find(String dueId) {
        return Optional.ofNullable(mongo.findById(dueId, QuestionnaireDue.class));
    }

    /**
     * A response answered the due: ANSWERED, unless it already is (or is another person's). The version is
     * raised, so an announcement prepared from the DUE document read before fails.
     */
    public void answered(String dueId, String personRef, String responseId, Instant at) {
        long changed = mongo.updateFirst(
                        Query.query(where("_id")
                                .is(dueId)
                                .and("personRef")
                                .is(personRef)
                                .and("status")
                                .is(DueStatus.DUE)),
                        new Update()
                                .set("status", DueStatus.ANSWERED)
                                .set("responseId", responseId)
                                .set("answeredAt", at)
                                .inc("version", 1),
                        QuestionnaireDue.class)
                .getModifiedCount();
        if (changed > 0) {
            log.info("Due {} answered by response {}", dueId, responseId);
        }
    }

    /** The person's dues, by due time. */
    public List<QuestionnaireDue> ofPerson(String personRef) {
        return mongo.find(
                Query.query(where("personRef").is(personRef)).with(Sort.by("dueAt", "id")), QuestionnaireDue.class);
    }

    /** Deletes the person's dues; how many there were. */
    public long forget(String personRef) {
        return mongo.remove(Query.query(where("personRef").is(personRef)), QuestionnaireDue.class)
                .getDeletedCount();
    }
}
