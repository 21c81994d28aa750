package fr.maillage.meeting.action;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** How a meeting's decision hands out action items, and how its minutes list them. */
public interface ActionDesk {

    /**
     * Creates the action (OPEN; publishes action-assigned), or returns the existing one with the same
     * decision and index (a retry), unchanged and not published again. A due day already over is allowed:
     * the action is overdue at the next sweep. Validate before saving the meeting: ids and territory are
     * non-blank without spaces (at most 100 characters), the title 1 to 200 characters on one line, the
     * index 0 to 99, the due day within 10 years of today, the audience non-null. Otherwise throws a 400
     * problem {@code invalid-action} (property {@code field}) and writes nothing.
     */
    AssignedAction assign(NewAction action);

    /** The meeting's actions, in the order they were handed out (for its minutes); status OPEN, DONE or CANCELLED. */
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
