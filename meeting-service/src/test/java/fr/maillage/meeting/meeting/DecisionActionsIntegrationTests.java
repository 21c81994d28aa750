package fr.maillage.meeting.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A decision is saved before its actions are handed out, and its actions are handed out once: when the
 * action desk fails, the decision stays with its actions pending and the watcher assigns them, under the
 * same ids however often it runs.
 */
class DecisionActionsIntegrationTests extends MeetingTestSupport {

    @Autowired
    DecisionActionsWatcher watcher;

    @AfterEach
    void theDeskWorksAgain() {
        actionDesk.failNext(0);
    }

    @Test
    void actionsTheDeskCouldNotTakeAreAssignedLaterExactlyOnce() {
        JsonNode meeting = bievreMeeting("CASE_CONFERENCE");
        String id = meeting.get("id").asString();
        String item = caseReview(id, "coord-bievre", "person-" + java.util.UUID.randomUUID());
        hold(meeting, DR_MARTIN, IDE_BERNARD, PSY_DURAND);
        String due = LocalDate.now(ParisTime.PARIS).plusDays(7).toString();
        actionDesk.failNext(1);

        HttpResponse<String> decided = decide(
                id,
                item,
                "coord-bievre",
                "Visite à domicile",
                List.of(action(IDE_BERNARD, "Organiser la visite", due), action(DR_MARTIN, "Prévenir le CMP", due)));

        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        JsonNode decision = json(decided);
        assertThat(decision.get("actionsPending").asBoolean()).isTrue();
        assertThat(decision.get("actions").get(0).get("actionId").isNull()).isTrue();
        String second = decision.get("actions").get(1).get("actionId").asString();
        assertThat(stored(id).actionsPending()).isTrue();
        assertThat(actionDesk.ofMeeting(id)).hasSize(1);

        watcher.sweep();

        Meeting after = stored(id);
        assertThat(after.actionsPending()).isFalse();
        Decision recorded = after.item(item).orElseThrow().decisions().getFirst();
        assertThat(recorded.actionsAssigned()).isTrue();
        assertThat(recorded.actions())
                .allSatisfy(action -> assertThat(action.actionId()).isNotNull());
        assertThat(recorded.actions().get(1).actionId()).isEqualTo(second);
        assertThat(actionDesk.ofMeeting(id))
                .extracting(action -> action.actionId())
                .containsExactlyInAnyOrder(recorded.actions().get(0).actionId(), second);
        int assignments = actionDesk.assignments();

        watcher.sweep();
        assertThat(actionDesk.assignments()).as("nothing left to assign").isEqualTo(assignments);
        assertThat(actionDesk.ofMeeting(id)).hasSize(2);
        JsonNode shown =
                meeting(id, "coord-bievre").get("items").get(0).get("decisions").get(0);
        assertThat(shown.get("actionsPending").asBoolean()).isFalse();
    }
}
