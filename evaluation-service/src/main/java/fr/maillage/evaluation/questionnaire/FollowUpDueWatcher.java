package fr.maillage.evaluation.questionnaire;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Announces the dues whose time has come since they were scheduled, the WHO-5 follow-ups three months after
 * a workshop's end above all: {@code questionnaire-due.v1} once for each. Every instance of the service
 * sweeps, every {@code maillage.evaluation.questionnaires.due-sweep-interval}; each due is announced once
 * all the same, because it is saved against the version read: when two instances announce the same due, the
 * second save fails on {@code @Version} and that instance moves on. "Now" is the service's clock.
 */
@Component
class FollowUpDueWatcher implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(FollowUpDueWatcher.class);

    /** Dues read at once; a sweep reads again while batches come full, up to {@link #ROUNDS}. */
    static final int BATCH = 100;

    /** A bound on one sweep's work (a due failing again and again stays): the next sweep goes on. */
    static final int ROUNDS = 20;

    private final DueService dues;
    private final QuestionnaireProperties properties;

    FollowUpDueWatcher(DueService dues, QuestionnaireProperties properties) {
        this.dues = dues;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                new FixedDelayTask(this::sweep, properties.dueSweepInterval(), properties.dueSweepInterval()));
    }

    /** One sweep: every due never announced, still unanswered, whose time has come by now. */
    void sweep() {
        Instant now = dues.now();
        List<QuestionnaireDue> due;
        int round = 0;
        do {
            due = dues.dueToAnnounce(now, BATCH);
            for (QuestionnaireDue questionnaire : due) {
                announce(questionnaire, now);
            }
        } while (due.size() == BATCH && ++round < ROUNDS);
    }

    private void announce(QuestionnaireDue due, Instant now) {
        try {
            if (dues.announce(due, now)) {
                log.info("Due {} ({} {}) announced", due.id(), due.questionnaireId(), due.timepoint());
            }
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            // Another instance announced it, or a response answered it, since it was read.
            log.debug("Due {} changed while being announced; left as it is", due.id());
        } catch (RuntimeException failed) {
            // One due failing does not hold the others up: the next sweep retries it.
            log.warn("Announcing due {} failed; the next sweep retries", due.id(), failed);
        }
    }
}
