package fr.maillage.meeting.meeting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Assigns the actions of decisions whose assignment did not finish (the action desk failed, or the
 * instance stopped between saving the decision and handing its actions out). Safe with several
 * instances: an action's id comes from its decision and index, so assigning it twice gives one action.
 */
@Component
class DecisionActionsWatcher {

    private static final Logger log = LoggerFactory.getLogger(DecisionActionsWatcher.class);

    static final int BATCH = 100;

    private final MeetingService meetings;

    DecisionActionsWatcher(MeetingService meetings) {
        this.meetings = meetings;
    }

    @Scheduled(
            fixedDelayString = "${maillage.meeting.decisions.action-retry-interval:PT1M}",
            initialDelayString = "${maillage.meeting.decisions.action-retry-interval:PT1M}")
    void sweep() {
        for (Meeting meeting : meetings.withUnassignedActions(BATCH)) {
            for (Meeting.UnassignedActions pending : meeting.decisionsWithUnassignedActions()) {
                try {
                    meetings.assignActions(
                            meeting.id(), pending.itemId(), pending.decision().id());
                } catch (RuntimeException failed) {
                    log.warn(
                            "Actions of decision {} (meeting {}) still not assigned; next sweep retries",
                            pending.decision().id(),
                            meeting.id(),
                            failed);
                }
            }
        }
    }
}
