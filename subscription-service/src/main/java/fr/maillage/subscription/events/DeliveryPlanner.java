package fr.maillage.subscription.events;

/**
 * What the event log's consumer calls for each newly stored event, before the Kafka offset is committed:
 * persists the deliveries owed to matching subscriptions. A port of this package implemented in {@code
 * delivery/}, so delivery depends on the event log and never the reverse.
 */
public interface DeliveryPlanner {

    /** @return the deliveries created (0 for a redelivered event: idempotent per subscription and event) */
    int plan(StoredEvent event);
}
