package fr.maillage.meeting.action;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// PLACEHOLDER (issue 6 merge): the actions helper's ActionService implements ActionDesk; delete this class then.
/** An in-memory action desk so the meetings run before the action items exist: ids from decision + index. */
@Configuration(proxyBeanMethods = false)
class PlaceholderActionDeskConfiguration {

    @Bean
    ActionDesk actionDesk() {
        Map<String, ActionDesk.NewAction> assigned = new ConcurrentHashMap<>();
        return new ActionDesk() {
            @Override
            public AssignedAction assign(NewAction action) {
                String id = UUID.nameUUIDFromBytes(
                                (action.decisionId() + ":" + action.index()).getBytes(StandardCharsets.UTF_8))
                        .toString();
                assigned.putIfAbsent(id, action);
                return new AssignedAction(id);
            }

            @Override
            public List<ActionView> ofMeeting(String meetingId) {
                return assigned.entrySet().stream()
                        .filter(entry -> entry.getValue().meetingId().equals(meetingId))
                        .map(entry -> new ActionView(
                                entry.getKey(),
                                entry.getValue().itemId(),
                                entry.getValue().decisionId(),
                                entry.getValue().ownerId(),
                                entry.getValue().title(),
                                entry.getValue().dueOn(),
                                "OPEN",
                                false))
                        .sorted(Comparator.comparing(ActionView::decisionId).thenComparing(ActionView::actionId))
                        .toList();
            }
        };
    }
}
