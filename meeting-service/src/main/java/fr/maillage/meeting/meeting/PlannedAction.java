package fr.maillage.meeting.meeting;

import java.time.LocalDate;

/**
 * An action a decision hands out, kept with the decision so that it can be (re)assigned after the
 * meeting was saved: its id comes from the decision id and its index, so assigning it twice gives
 * one action.
 *
 * @param index its place in the decision (0, 1, …)
 * @param dueOn ISO local date (Paris), kept as text so no time zone of the store shifts it
 * @param actionId null until the action desk assigned it
 */
public record PlannedAction(int index, String ownerId, String title, String dueOn, String actionId) {

    public LocalDate due() {
        return LocalDate.parse(dueOn);
    }

    PlannedAction assigned(String id) {
        return new PlannedAction(index, ownerId, title, dueOn, id);
    }
}
