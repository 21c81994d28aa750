package fr.maillage.meeting.action;

import static fr.maillage.meeting.action.TestActions.NOW;
import static fr.maillage.meeting.action.TestActions.TODAY;
import static fr.maillage.meeting.action.TestActions.newAction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.meeting.action.ActionDesk.NewAction;
import fr.maillage.meeting.action.ActionEvent.ActionAssigned;
import fr.maillage.meeting.action.ActionEvent.ActionCompleted;
import fr.maillage.meeting.action.ActionEvent.ActionOverdue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActionTests {

    private static final LocalDate TOMORROW = TODAY.plusDays(1);
    /** Midnight starting 25 November in Paris: tomorrow's due day is over. */
    private static final Instant AFTER_TOMORROW = Instant.parse("2026-11-24T23:00:00Z");

    // ---- assignment

    @Test
    void anActionsIdComesFromItsDecisionAndPlaceSoARetryMakesTheSameAction() {
        String first = Action.assign(newAction("decision-1", 0, TOMORROW), NOW)
                .action()
                .id();
        String retried = Action.assign(newAction("decision-1", 0, TOMORROW.plusDays(3)), NOW.plusSeconds(60))
                .action()
                .id();

        assertThat(retried).isEqualTo(first).isEqualTo(Action.idOf("decision-1", 0));
        assertThat(Action.idOf("decision-1", 1)).isNotEqualTo(first);
        assertThat(Action.idOf("decision-2", 0)).isNotEqualTo(first);
        // An id is a UUID, and no concatenation of two others collides ("decision-1" + 10 vs "decision-11" + 0).
        assertThat(java.util.UUID.fromString(first)).isNotNull();
        assertThat(Action.idOf("decision-1", 10)).isNotEqualTo(Action.idOf("decision-11", 0));
    }

    @Test
    void anAssignedActionIsOpenAndItsEventCarriesNoTitle() {
        Action.Assigned assigned = TestActions.assigned(TOMORROW);
        Action action = assigned.action();

        assertThat(action.status()).isEqualTo(ActionStatus.OPEN);
        assertThat(action.overdue()).isFalse();
        assertThat(action.dueOn()).isEqualTo(TOMORROW);
        assertThat(action.deadline()).isEqualTo(AFTER_TOMORROW);
        assertThat(action.title()).isEqualTo(TestActions.TITLE);
        assertThat(action.assignedAt()).isEqualTo(NOW);
        assertThat(assigned.event())
                .isEqualTo(new ActionAssigned(
                        action.id(),
                        "meeting-1",
                        "bievre",
                        Set.of("lieu-dit", "msp-bievre"),
                        "owner-1",
                        TOMORROW,
                        NOW));
        assertThat(assigned.event().toString()).doesNotContain(TestActions.TITLE);
    }

    @Test
    void anActionMayBeRecordedAfterItsDueDay() {
        Action action = TestActions.assigned(TODAY.minusDays(2)).action();

        assertThat(action.status()).isEqualTo(ActionStatus.OPEN);
        assertThat(action.markOverdue(NOW)).isPresent();
    }

    @Test
    void aBrokenNewActionIsRefusedNamingTheField() {
        assertInvalid(withOwner(" "), "ownerId");
        assertInvalid(withOwner("dr martin"), "ownerId");
        assertInvalid(withOwner("x".repeat(Action.MAX_ID_LENGTH + 1)), "ownerId");
        assertInvalid(withTitle(null), "title");
        assertInvalid(withTitle("  "), "title");
        assertInvalid(withTitle("x".repeat(Action.MAX_TITLE_LENGTH + 1)), "title");
        assertInvalid(withTitle("first line\nsecond line"), "title");
        assertInvalid(newAction("decision-1", 0, null), "dueOn");
        assertInvalid(
                newAction(
                        "decision-1", 0, TODAY.plusYears(Action.MAX_YEARS_AWAY).plusDays(1)),
                "dueOn");
        assertInvalid(
                newAction(
                        "decision-1", 0, TODAY.minusYears(Action.MAX_YEARS_AWAY).minusDays(1)),
                "dueOn");
        assertInvalid(newAction("decision-1", -1, TOMORROW), "index");
        assertInvalid(newAction("decision-1", Action.MAX_ACTIONS_PER_DECISION, TOMORROW), "index");
        assertInvalid(newAction(null, 0, TOMORROW), "decisionId");
        assertInvalid(
                new NewAction("meeting-1", "item-1", "decision-1", 0, "bievre", null, "owner-1", "Title", TOMORROW),
                "audience");
        assertInvalid(
                new NewAction("meeting-1", "item-1", "decision-1", 0, "", Set.of(), "owner-1", "Title", TOMORROW),
                "territory");
        assertInvalid(null, "action");
        // The longest title, trimmed, and the furthest due day are fine.
        assertThat(Action.assign(withTitle(" " + "x".repeat(Action.MAX_TITLE_LENGTH) + " "), NOW)
                        .action()
                        .title())
                .hasSize(Action.MAX_TITLE_LENGTH);
        assertThat(Action.assign(newAction("d", 99, TODAY.plusYears(Action.MAX_YEARS_AWAY)), NOW))
                .isNotNull();
    }

    private static NewAction withOwner(String ownerId) {
        return new NewAction("meeting-1", "item-1", "decision-1", 0, "bievre", Set.of(), ownerId, "Title", TOMORROW);
    }

    private static NewAction withTitle(String title) {
        return new NewAction("meeting-1", "item-1", "decision-1", 0, "bievre", Set.of(), "owner-1", title, TOMORROW);
    }

    private static void assertInvalid(NewAction spec, String field) {
        assertThatThrownBy(() -> Action.assign(spec, NOW))
                .as(field)
                .isInstanceOfSatisfying(
                        InvalidAction.class,
                        invalid -> assertThat(invalid.field()).isEqualTo(field));
    }

    // ---- overdue

    @Test
    void anOpenActionIsOverdueFromTheEndOfItsDueDayOnceOnly() {
        Action action = TestActions.assigned(TOMORROW).action();

        assertThat(action.markOverdue(AFTER_TOMORROW.minusMillis(1))).isEmpty();
        assertThat(action.overdue()).isFalse();
        ActionOverdue overdue =
                action.markOverdue(AFTER_TOMORROW.plusSeconds(30)).orElseThrow();

        assertThat(overdue)
                .isEqualTo(new ActionOverdue(
                        action.id(),
                        "meeting-1",
                        "bievre",
                        Set.of("msp-bievre", "lieu-dit"),
                        "owner-1",
                        TOMORROW,
                        AFTER_TOMORROW.plusSeconds(30)));
        assertThat(action.overdue()).isTrue();
        assertThat(action.overdueAt()).isEqualTo(AFTER_TOMORROW.plusSeconds(30));
        assertThat(action.status()).isEqualTo(ActionStatus.OPEN);
        assertThat(action.markOverdue(AFTER_TOMORROW.plusSeconds(90)))
                .as("once only")
                .isEmpty();
        assertThat(action.overdueAt()).isEqualTo(AFTER_TOMORROW.plusSeconds(30));
    }

    @Test
    void aDoneOrCancelledActionIsNeverOverdue() {
        Action done = TestActions.assigned(TOMORROW).action();
        done.complete("owner-1", NOW);
        Action cancelled = TestActions.assigned(TOMORROW).action();
        cancelled.cancel("coordinator-1", NOW);

        assertThat(done.markOverdue(AFTER_TOMORROW)).isEmpty();
        assertThat(cancelled.markOverdue(AFTER_TOMORROW)).isEmpty();
        assertThat(done.overdue()).isFalse();
        assertThat(cancelled.overdue()).isFalse();
    }

    // ---- the state machine

    @Test
    void completedBeforeTheEndOfItsDueDayIsOnTime() {
        Action action = TestActions.assigned(TOMORROW).action();

        ActionCompleted completed = action.complete("owner-1", AFTER_TOMORROW.minusMillis(1));

        assertThat(action.status()).isEqualTo(ActionStatus.DONE);
        assertThat(action.onTime()).isTrue();
        assertThat(action.completedAt()).isEqualTo(AFTER_TOMORROW.minusMillis(1));
        assertThat(action.closedBy()).isEqualTo("owner-1");
        assertThat(completed.onTime()).isTrue();
        assertThat(completed.completedAt()).isEqualTo(AFTER_TOMORROW.minusMillis(1));
        assertThat(completed.dueOn()).isEqualTo(TOMORROW);
    }

    @Test
    void completedAfterItsDueDayIsLateWhetherFlaggedOverdueOrNot() {
        Action unflagged = TestActions.assigned(TOMORROW).action();
        Action flagged = TestActions.assigned(TOMORROW).action();
        flagged.markOverdue(AFTER_TOMORROW).orElseThrow();

        assertThat(unflagged.complete("owner-1", AFTER_TOMORROW).onTime()).isFalse();
        assertThat(flagged.complete("coordinator-1", AFTER_TOMORROW.plusSeconds(3600))
                        .onTime())
                .isFalse();
        assertThat(flagged.overdue()).as("it was overdue: that stays true").isTrue();
        assertThat(flagged.status()).isEqualTo(ActionStatus.DONE);
        assertThat(flagged.closedBy()).isEqualTo("coordinator-1");
    }

    @Test
    void doneAndCancelledAreFinal() {
        Action done = TestActions.assigned(TOMORROW).action();
        done.complete("owner-1", NOW);
        Action cancelled = TestActions.assigned(TOMORROW).action();
        cancelled.cancel("coordinator-1", NOW.plusSeconds(5));

        assertIllegal(() -> done.complete("owner-1", NOW), ActionStatus.DONE);
        assertIllegal(() -> done.cancel("coordinator-1", NOW), ActionStatus.DONE);
        assertIllegal(() -> cancelled.complete("owner-1", NOW), ActionStatus.CANCELLED);
        assertIllegal(() -> cancelled.cancel("coordinator-1", NOW), ActionStatus.CANCELLED);
        assertThat(cancelled.status()).isEqualTo(ActionStatus.CANCELLED);
        assertThat(cancelled.cancelledAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(cancelled.onTime()).isNull();
        assertThat(cancelled.closedBy()).isEqualTo("coordinator-1");
        assertThat(done.pendingEvents()).as("the aggregate only returns events").isEmpty();
    }

    private static void assertIllegal(Runnable change, ActionStatus state) {
        assertThatThrownBy(change::run)
                .isInstanceOfSatisfying(
                        IllegalActionTransition.class,
                        illegal -> assertThat(illegal.currentState()).isEqualTo(state));
    }
}
