package fr.maillage.meeting.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.meeting.MeetingIntegrationSupport;
import fr.maillage.meeting.action.ActionDesk.NewAction;
import fr.maillage.platform.testing.EventSchemas;
import fr.maillage.platform.testing.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What the action integration tests share: actions handed out through the {@link ActionDesk} port, as
 * meeting/ does on a decision (so these tests need no meeting), the actions' documents, and their
 * published events, each once, checked against its schema.
 */
abstract class ActionIntegrationSupport extends MeetingIntegrationSupport {

    static final String ASSIGNED = ActionMessages.ACTION_ASSIGNED;
    static final String OVERDUE = ActionMessages.ACTION_OVERDUE;
    static final String COMPLETED = ActionMessages.ACTION_COMPLETED;

    static final String TITLE = "Send the case summary to the care team";
    static final Set<String> AUDIENCE = Set.of("msp-bievre", "lieu-dit");

    @Autowired
    protected ActionDesk desk;

    @Autowired
    protected MongoTemplate mongo;

    /** A new action of a fresh decision (index 0) in bievre. */
    protected NewAction newAction(String ownerId, LocalDate dueOn) {
        return new NewAction(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                0,
                "bievre",
                AUDIENCE,
                ownerId,
                TITLE,
                dueOn);
    }

    /** Hands out a new action in bievre; its id. */
    protected String assign(String ownerId, LocalDate dueOn) {
        return desk.assign(newAction(ownerId, dueOn)).actionId();
    }

    /** Today in Paris, by the service's clock. */
    protected LocalDate today() {
        return OverduePolicy.today(clock.instant());
    }

    protected JsonNode action(String actionId, String who) {
        HttpResponse<String> response = get("/api/meetings/actions/" + actionId, who);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** Every item of a list query (all its pages), for lists other tests' actions also fill. */
    protected List<JsonNode> allItems(String query, String who) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response = get("/api/meetings/actions?" + query + "&size=100&page=" + page, who);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = json(response);
            body.get("items").forEach(items::add);
            if (body.get("items").isEmpty()
                    || items.size() >= body.get("totalItems").asLong()) {
                return items;
            }
        }
    }

    protected static List<String> ids(List<JsonNode> items) {
        return items.stream().map(item -> item.get("id").asString()).toList();
    }

    private boolean outboxIsEmpty(String actionId) {
        org.bson.Document action = mongo.findById(actionId, org.bson.Document.class, "actions");
        return action != null
                && action.getList("pendingEvents", Object.class, List.of()).isEmpty();
    }

    /**
     * The distinct events (by CloudEvent id) of this type about the action, once its outbox is empty and
     * the reader has read the whole topic: what was published, a redelivery counted once. Each is valid
     * against its schema and never carries the title.
     */
    protected List<JsonNode> published(TopicReader events, String type, String actionId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxIsEmpty(actionId));
        events.readToEnd();
        List<JsonNode> distinct =
                TopicReader.distinct(events.events(TopicReader.ofType(type).and(TopicReader.about(actionId))));
        for (JsonNode event : distinct) {
            EventSchemas.assertValid(type, event.get("data").toString());
            assertThat(event.toString()).doesNotContain(TITLE);
        }
        return distinct;
    }

    /** Waits for one event of the type about the action; then all of them, each once. */
    protected List<JsonNode> awaitPublished(TopicReader events, String type, String actionId) {
        events.awaitEvent(TopicReader.ofType(type).and(TopicReader.about(actionId)));
        return published(events, type, actionId);
    }
}
