package fr.maillage.workshop.group;

import fr.maillage.workshop.attendance.AttendanceLedger;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves groups along their life as time passes: at the first session's start an OPEN (or still
 * PLANNED) group runs, or is cancelled when fewer than its minimum are confirmed; after the last
 * session's end a running group completes, each participant by their attendance. Every instance of
 * the service runs a watcher; each step happens (and is published) once all the same, because it is
 * saved against the version read: when two instances take the same step, the second save fails on
 * {@code @Version} and that instance moves on.
 */
@Component
class GroupLifecycleWatcher {

    private static final Logger log = LoggerFactory.getLogger(GroupLifecycleWatcher.class);

    /** Groups read at once per step; a sweep reads again while batches come full, up to {@link #ROUNDS}. */
    static final int BATCH = 100;

    /** A bound on one sweep's work (a group failing again and again stays due): the next sweep goes on. */
    static final int ROUNDS = 20;

    private final GroupService groups;
    private final AttendanceLedger attendance;
    private final CompletionPolicy completion;

    GroupLifecycleWatcher(GroupService groups, AttendanceLedger attendance, CompletionPolicy completion) {
        this.groups = groups;
        this.attendance = attendance;
        this.completion = completion;
    }

    @Scheduled(
            fixedDelayString = "${maillage.workshop.lifecycle-sweep-interval:PT15S}",
            initialDelayString = "${maillage.workshop.lifecycle-sweep-interval:PT15S}")
    void sweep() {
        Instant now = groups.now();
        List<Group> due;
        int round = 0;
        do {
            due = groups.dueToStart(now, BATCH);
            for (Group group : due) {
                step(group, "start", () -> group.start(now));
            }
        } while (due.size() == BATCH && ++round < ROUNDS);
        // Read after the starts: a group whose whole calendar passed at once also completes now.
        round = 0;
        do {
            due = groups.dueToEnd(now, BATCH);
            for (Group group : due) {
                step(
                        group,
                        "completion",
                        () -> group.complete(attendance.groupSessionsAttended(group.id()), completion, now));
            }
        } while (due.size() == BATCH && ++round < ROUNDS);
    }

    private void step(Group group, String step, Supplier<List<GroupEvent>> change) {
        try {
            List<GroupEvent> events = change.get();
            groups.saveLifecycle(group, events);
            log.info("Group {} is {} ({})", group.id(), group.status(), step);
        } catch (OptimisticLockingFailureException | IllegalGroupTransition changedMeanwhile) {
            // Another instance took the step, or a coordinator changed the group, since it was read.
            log.debug("Group {} changed during its {}; left as it is", group.id(), step);
        } catch (RuntimeException failed) {
            // One group failing (its attendance unreadable, say) does not hold the others up: next sweep.
            log.warn("The {} of group {} failed; the next sweep retries", step, group.id(), failed);
        }
    }
}
