package fr.maillage.meeting.action;

import fr.maillage.meeting.action.ActionEvent.ActionAssigned;
import fr.maillage.meeting.action.ActionEvent.ActionCompleted;
import fr.maillage.meeting.action.ActionEvent.ActionOverdue;
import fr.maillage.platform.events.EventOutbox;
import fr.maillage.platform.events.OutboundEvent;
import org.springframework.stereotype.Component;

/**
 * Maps an action's domain events to the integration events of {@code meeting.events.v1} (schemas in
 * {@code resources/events/}) and puts them in the action's outbox. Ids, territory, the due day and
 * instants leave; the title never does. Subject = actionId, so an action's events keep their order.
 */
@Component
class ActionMessages {

    static final String ACTION_ASSIGNED = "fr.maillage.meeting.action-assigned.v1";
    static final String ACTION_OVERDUE = "fr.maillage.meeting.action-overdue.v1";
    static final String ACTION_COMPLETED = "fr.maillage.meeting.action-completed.v1";

    private final EventOutbox outbox;

    ActionMessages(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** Adds the integration event for {@code event} to the action's outbox, saved with the action. */
    void append(Action action, ActionEvent event) {
        action.pendingEvents().add(message(event));
    }

    private OutboundEvent message(ActionEvent event) {
        return switch (event) {
            case ActionAssigned assigned ->
                outbox.event(
                        ACTION_ASSIGNED,
                        assigned.actionId(),
                        assigned.territory(),
                        assigned.audience(),
                        new ActionAssignedV1(
                                assigned.actionId(),
                                assigned.meetingId(),
                                assigned.territory(),
                                assigned.ownerId(),
                                assigned.dueOn().toString(),
                                assigned.assignedAt().toString()));
            case ActionOverdue overdue ->
                outbox.event(
                        ACTION_OVERDUE,
                        overdue.actionId(),
                        overdue.territory(),
                        overdue.audience(),
                        new ActionOverdueV1(
                                overdue.actionId(),
                                overdue.meetingId(),
                                overdue.territory(),
                                overdue.ownerId(),
                                overdue.dueOn().toString(),
                                overdue.overdueAt().toString()));
            case ActionCompleted completed ->
                outbox.event(
                        ACTION_COMPLETED,
                        completed.actionId(),
                        completed.territory(),
                        completed.audience(),
                        new ActionCompletedV1(
                                completed.actionId(),
                                completed.meetingId(),
                                completed.territory(),
                                completed.ownerId(),
                                completed.dueOn().toString(),
                                completed.completedAt().toString(),
                                completed.onTime()));
        };
    }

    /** {@code fr.maillage.meeting.action-assigned.v1} data; dueOn a local date, instants ISO-8601 UTC. */
    record ActionAssignedV1(
            String actionId, String meetingId, String territory, String ownerId, String dueOn, String assignedAt) {}

    /** {@code fr.maillage.meeting.action-overdue.v1} data. */
    record ActionOverdueV1(
            String actionId, String meetingId, String territory, String ownerId, String dueOn, String overdueAt) {}

    /** {@code fr.maillage.meeting.action-completed.v1} data. */
    record ActionCompletedV1(
            String actionId,
            String meetingId,
            String territory,
            String ownerId,
            String dueOn,
            String completedAt,
            boolean onTime) {}
}
