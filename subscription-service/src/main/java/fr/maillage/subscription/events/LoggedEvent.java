package fr.maillage.subscription.events;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event of the log as stored: the {@link StoredEvent} plus when it was stored and when its deliveries
 * were planned ({@code plannedAt} null until {@link DeliveryPlanner#plan} returned, so a record redelivered
 * after a failure between the two is planned then, and one redelivered afterwards is not). Its two compound
 * indexes (log order, partition order) are made by {@link EventLogStore}.
 */
@Document(LoggedEvent.COLLECTION)
public record LoggedEvent(
        @Id String id,
        String topic,
        int partition,
        long offset,
        String type,
        String territory,
        Set<String> audience,
        Instant time,
        String cloudEvent,
        Instant storedAt,
        Instant plannedAt) {

    public static final String COLLECTION = "event_log";

    static LoggedEvent of(StoredEvent event, Instant storedAt) {
        return new LoggedEvent(
                event.id(),
                event.topic(),
                event.partition(),
                event.offset(),
                event.type(),
                event.territory(),
                event.audience(),
                event.time(),
                event.cloudEvent(),
                storedAt,
                null);
    }

    public StoredEvent toStoredEvent() {
        return new StoredEvent(
                id,
                topic,
                partition,
                offset,
                type,
                territory,
                audience == null ? Set.of() : audience,
                time,
                cloudEvent);
    }
}
