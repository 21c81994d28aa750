package fr.maillage.meeting.action;

import static fr.maillage.meeting.action.TestActions.NOW;
import static fr.maillage.meeting.action.TestActions.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.events.EventOutbox;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.testing.EventSchemas;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionMessagesTests {

    private final ActionMessages messages = new ActionMessages(EventOutbox.standalone());

    @Test
    void everyEventOfAnActionMatchesItsSchemaAndNeverCarriesTheTitle() {
        Action.Assigned assigned = TestActions.assigned(TODAY);
        Action action = assigned.action();
        messages.append(action, assigned.event());
        Instant overdueAt = OverduePolicy.deadline(TODAY).plusSeconds(42);
        messages.append(action, action.markOverdue(overdueAt).orElseThrow());
        messages.append(action, action.complete("owner-1", overdueAt.plusSeconds(60)));

        assertThat(action.pendingEvents())
                .extracting(OutboundEvent::type)
                .containsExactly(
                        "fr.maillage.meeting.action-assigned.v1",
                        "fr.maillage.meeting.action-overdue.v1",
                        "fr.maillage.meeting.action-completed.v1");
        for (OutboundEvent event : action.pendingEvents()) {
            EventSchemas.assertValid(event.type(), event.data());
            assertThat(event.subject()).isEqualTo(action.id());
            assertThat(event.territory()).isEqualTo("bievre");
            assertThat(event.audience()).containsExactly("lieu-dit", "msp-bievre");
            assertThat(event.data().values()).doesNotContain(TestActions.TITLE);
            assertThat(event.data())
                    .containsEntry("actionId", action.id())
                    .containsEntry("meetingId", "meeting-1")
                    .containsEntry("territory", "bievre")
                    .containsEntry("ownerId", "owner-1")
                    .containsEntry("dueOn", "2026-11-23");
        }
        assertThat(action.pendingEvents().get(0).data()).containsEntry("assignedAt", NOW.toString());
        assertThat(action.pendingEvents().get(1).data()).containsEntry("overdueAt", "2026-11-23T23:00:42Z");
        assertThat(action.pendingEvents().get(2).data())
                .containsEntry("completedAt", "2026-11-23T23:01:42Z")
                .containsEntry("onTime", false);
    }

    @Test
    void theSchemasRefuseATitleOrAMissingField() {
        Action.Assigned assigned = TestActions.assigned(TODAY.plusDays(1));
        messages.append(assigned.action(), assigned.event());
        Map<String, Object> data =
                new LinkedHashMap<>(assigned.action().pendingEvents().getFirst().data());
        Map<String, Object> withTitle = new LinkedHashMap<>(data);
        withTitle.put("title", TestActions.TITLE);
        Map<String, Object> withoutOwner = new LinkedHashMap<>(data);
        withoutOwner.remove("ownerId");
        Map<String, Object> badDay = new LinkedHashMap<>(data);
        badDay.put("dueOn", "24/11/2026");

        assertThat(EventSchemas.violations(ActionMessages.ACTION_ASSIGNED, data))
                .isEmpty();
        assertThat(EventSchemas.violations(ActionMessages.ACTION_ASSIGNED, withTitle))
                .isNotEmpty();
        assertThat(EventSchemas.violations(ActionMessages.ACTION_ASSIGNED, withoutOwner))
                .isNotEmpty();
        assertThat(EventSchemas.violations(ActionMessages.ACTION_ASSIGNED, badDay))
                .isNotEmpty();
        assertThat(EventSchemas.violations(ActionMessages.ACTION_OVERDUE, withTitle))
                .isNotEmpty();
        assertThat(EventSchemas.violations(ActionMessages.ACTION_COMPLETED, data))
                .as("completedAt and onTime are required")
                .isNotEmpty();
    }
}
