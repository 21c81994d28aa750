package fr.maillage.meeting.meeting;

import java.time.Instant;
import java.util.List;

/**
 * A decision recorded on an agenda item, with the actions it hands out. The text stays in this
 * service: it is never published.
 *
 * @param text null once the person the item was about was erased
 * @param actionsAssigned whether every planned action was handed to the action desk
 */
public record Decision(
        String id,
        String text,
        Instant recordedAt,
        String recordedBy,
        List<PlannedAction> actions,
        Boolean actionsAssigned) {

    public Decision {
        actions = actions == null ? List.of() : List.copyOf(actions);
        actionsAssigned = actionsAssigned == null || actionsAssigned;
    }

    Decision withActions(List<PlannedAction> assigned) {
        boolean all = assigned.stream().allMatch(action -> action.actionId() != null);
        return new Decision(id, text, recordedAt, recordedBy, assigned, all);
    }

    Decision withoutText() {
        return new Decision(id, null, recordedAt, recordedBy, actions, actionsAssigned);
    }
}
