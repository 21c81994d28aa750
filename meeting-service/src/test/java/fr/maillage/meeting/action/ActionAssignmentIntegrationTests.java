package fr.maillage.meeting.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.meeting.action.ActionDesk.ActionView;
import fr.maillage.meeting.action.ActionDesk.NewAction;
import fr.maillage.platform.testing.TopicReader;
import fr.maillage.platform.web.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** meeting/ hands out actions through the ActionDesk: each once, published once, whatever the retries. */
class ActionAssignmentIntegrationTests extends ActionIntegrationSupport {

    @Test
    void assigningTheSameDecisionsActionTwicePublishesActionAssignedOnce() {
        TopicReader events = readFromNow(MEETING_TOPIC);
        NewAction spec = newAction(DR_MARTIN, today().plusDays(7));

        String first = desk.assign(spec).actionId();
        // A retry of the decision, even reworded, returns the action as it is.
        String again = desk.assign(new NewAction(
                        spec.meetingId(),
                        spec.itemId(),
                        spec.decisionId(),
                        spec.index(),
                        spec.territory(),
                        spec.audience(),
                        PSY_DURAND,
                        "Another title",
                        spec.dueOn().plusDays(1)))
                .actionId();

        assertThat(again).isEqualTo(first).isEqualTo(Action.idOf(spec.decisionId(), 0));
        List<JsonNode> assigned = awaitPublished(events, ASSIGNED, first);
        assertThat(assigned).hasSize(1);
        JsonNode event = assigned.getFirst();
        assertThat(event.get("source").asString()).isEqualTo("/maillage/meeting");
        assertThat(event.get("territory").asString()).isEqualTo("bievre");
        assertThat(event.get("audience").asString().split(" ")).containsExactlyInAnyOrder("msp-bievre", "lieu-dit");
        JsonNode data = event.get("data");
        assertThat(data.get("actionId").asString()).isEqualTo(first);
        assertThat(data.get("meetingId").asString()).isEqualTo(spec.meetingId());
        assertThat(data.get("ownerId").asString()).isEqualTo(DR_MARTIN);
        assertThat(data.get("dueOn").asString()).isEqualTo(spec.dueOn().toString());
        assertThat(data.has("title")).isFalse();
        JsonNode stored = action(first, "dr-martin");
        assertThat(stored.get("title").asString()).isEqualTo(TITLE);
        assertThat(stored.get("ownerId").asString()).isEqualTo(DR_MARTIN);
        assertThat(stored.get("status").asString()).isEqualTo("OPEN");
        assertThat(stored.get("overdue").asBoolean()).isFalse();
    }

    @Test
    void twoRequestsAssigningTheSameActionAtOnceMakeOneAction() throws Exception {
        TopicReader events = readFromNow(MEETING_TOPIC);
        NewAction spec = newAction(IDE_BERNARD, today().plusDays(3));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> assigns = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                assigns.add(pool.submit(() -> {
                    start.await();
                    return desk.assign(spec).actionId();
                }));
            }
            start.countDown();
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> assign : assigns) {
            ids.add(assign.get());
        }

        assertThat(ids).containsOnly(Action.idOf(spec.decisionId(), 0));
        assertThat(desk.ofMeeting(spec.meetingId())).hasSize(1);
        assertThat(awaitPublished(events, ASSIGNED, ids.getFirst())).hasSize(1);
    }

    @Test
    void aMeetingsMinutesListItsActionsInTheOrderTheyWereHandedOut() {
        String meetingId = UUID.randomUUID().toString();
        String itemId = UUID.randomUUID().toString();
        String decisionId = UUID.randomUUID().toString();
        for (int index = 0; index < 2; index++) {
            desk.assign(new NewAction(
                    meetingId,
                    itemId,
                    decisionId,
                    index,
                    "bievre",
                    AUDIENCE,
                    index == 0 ? DR_MARTIN : IDE_BERNARD,
                    "Action " + index,
                    today().plusDays(10 + index)));
        }
        desk.assign(newAction(DR_MARTIN, today())); // another meeting's

        List<ActionView> minutes = desk.ofMeeting(meetingId);

        assertThat(minutes)
                .extracting(ActionView::actionId)
                .containsExactly(Action.idOf(decisionId, 0), Action.idOf(decisionId, 1));
        assertThat(minutes.getFirst())
                .isEqualTo(new ActionView(
                        Action.idOf(decisionId, 0),
                        itemId,
                        decisionId,
                        DR_MARTIN,
                        "Action 0",
                        today().plusDays(10),
                        "OPEN",
                        false));
        assertThat(desk.ofMeeting(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void aBrokenActionIsRefusedWithAProblemNamingTheFieldAndNothingIsWritten() {
        NewAction good = newAction(DR_MARTIN, today());
        List<NewAction> broken = List.of(
                withTitle(good, " "),
                withTitle(good, "x".repeat(Action.MAX_TITLE_LENGTH + 1)),
                withTitle(good, "two\nlines"),
                new NewAction(
                        good.meetingId(),
                        good.itemId(),
                        good.decisionId(),
                        0,
                        "bievre",
                        AUDIENCE,
                        "",
                        TITLE,
                        good.dueOn()),
                new NewAction(
                        good.meetingId(),
                        good.itemId(),
                        good.decisionId(),
                        0,
                        "bievre",
                        AUDIENCE,
                        DR_MARTIN,
                        TITLE,
                        null),
                new NewAction(
                        good.meetingId(),
                        good.itemId(),
                        good.decisionId(),
                        -1,
                        "bievre",
                        Set.of(),
                        DR_MARTIN,
                        TITLE,
                        good.dueOn()));

        for (NewAction action : broken) {
            assertThatThrownBy(() -> desk.assign(action)).isInstanceOfSatisfying(ProblemException.class, problem -> {
                assertThat(problem.getStatusCode().value()).isEqualTo(400);
                assertThat(problem.slug()).isEqualTo("invalid-action");
                assertThat(problem.getBody().getProperties()).containsKey("field");
            });
        }
        assertThat(desk.ofMeeting(good.meetingId())).isEmpty();
    }

    private static NewAction withTitle(NewAction action, String title) {
        return new NewAction(
                action.meetingId(),
                action.itemId(),
                action.decisionId(),
                action.index(),
                action.territory(),
                action.audience(),
                action.ownerId(),
                title,
                action.dueOn());
    }
}
