package fr.maillage.meeting.action;

import fr.maillage.meeting.action.ActionDesk.NewAction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** New actions for unit tests, handed out on a winter morning. */
final class TestActions {

    /** 10:00 in Paris on 23 November 2026. */
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    static final String TITLE = "Call back the referring GP";

    private TestActions() {}

    static NewAction newAction(String decisionId, int index, LocalDate dueOn) {
        return new NewAction(
                "meeting-1",
                "item-1",
                decisionId,
                index,
                "bievre",
                Set.of("msp-bievre", "lieu-dit"),
                "owner-1",
                TITLE,
                dueOn);
    }

    static Action.Assigned assigned(LocalDate dueOn) {
        return Action.assign(newAction("decision-1", 0, dueOn), NOW);
    }
}
