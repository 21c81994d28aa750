package fr.maillage.meeting.action;

import fr.maillage.meeting.action.ActionEvent.ActionOverdue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Flags the open actions whose due day has ended (Paris) as overdue, publishing action-overdue once for
 * each. Every instance of the service sweeps, every {@code maillage.meeting.actions.overdue-sweep-interval};
 * each action is flagged once all the same, because it is saved against the version read: when two
 * instances flag the same action, the second save fails on {@code @Version} and that instance moves on.
 * "Now" is the service's clock.
 */
@Component
class ActionOverdueWatcher implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ActionOverdueWatcher.class);

    /** Actions read at once; a sweep reads again while batches come full, up to {@link #ROUNDS}. */
    static final int BATCH = 100;

    /** A bound on one sweep's work (an action failing again and again stays due): the next sweep goes on. */
    static final int ROUNDS = 20;

    private final ActionService actions;
    private final ActionProperties properties;

    ActionOverdueWatcher(ActionService actions, ActionProperties properties) {
        this.actions = actions;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                new FixedDelayTask(this::sweep, properties.overdueSweepInterval(), properties.overdueSweepInterval()));
    }

    /** One sweep: every open action not yet flagged whose due day ended by now. */
    void sweep() {
        Instant now = actions.now();
        List<Action> due;
        int round = 0;
        do {
            due = actions.dueForOverdue(now, BATCH);
            for (Action action : due) {
                flag(action, now);
            }
        } while (due.size() == BATCH && ++round < ROUNDS);
    }

    private void flag(Action action, Instant now) {
        try {
            Optional<ActionOverdue> overdue = action.markOverdue(now);
            if (overdue.isPresent()) {
                actions.saveOverdue(action, overdue.get());
                log.info("Action {} is overdue (due {})", action.id(), action.dueOn());
            }
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            // Another instance flagged it, or its owner completed it, since it was read.
            log.debug("Action {} changed while being flagged overdue; left as it is", action.id());
        } catch (RuntimeException failed) {
            // One action failing does not hold the others up: the next sweep retries it.
            log.warn("Flagging action {} overdue failed; the next sweep retries", action.id(), failed);
        }
    }
}
