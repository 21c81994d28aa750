package fr.maillage.subscription.events;

import java.time.Instant;
import java.util.Set;

/**
 * An event kept for replay and the pull feed, as received from its topic.
 *
 * @param id the CloudEvent id
 * @param territory may be null
 * @param audience institution ids entitled to receive it
 * @param cloudEvent the structured JSON as received (the body of a webhook)
 */
public record StoredEvent(
        String id,
        String topic,
        int partition,
        long offset,
        String type,
        String territory,
        Set<String> audience,
        Instant time,
        String cloudEvent) {

    public StoredEvent {
        audience = Set.copyOf(audience);
    }
}
