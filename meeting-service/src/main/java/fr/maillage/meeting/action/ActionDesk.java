package fr.maillage.meeting.action;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** How a meeting's decision hands out action items, and how its minutes list them. */
public interface ActionDesk {

    /** Creates the action, or returns the existing one with the same decision and index (a retry). */
    AssignedAction assign(NewAction action);

    List<ActionView> ofMeeting(String meetingId);

    /**
     * @param index the action's place in its decision (0, 1, …): with the decision id it makes the action's id
     * @param audience the institutions told of the action (the meeting's participants')
     * @param title short, no person's name (kept here, never published)
     */
    record NewAction(
            String meetingId,
            String itemId,
            String decisionId,
            int index,
            String territory,
            Set<String> audience,
            String ownerId,
            String title,
            LocalDate dueOn) {}

    record AssignedAction(String actionId) {}

    record ActionView(
            String actionId,
            String itemId,
            String decisionId,
            String ownerId,
            String title,
            LocalDate dueOn,
            String status,
            boolean overdue) {}
}
