package fr.maillage.subscription.delivery;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event owed to a subscription: one per (subscription, event), whatever the redeliveries and replays.
 * (unique (subscriptionId, eventId): indexes in {@link DeliveryStore}). The body is the CloudEvent as received, kept here so a retry does not depend on the event log.
 *
 * @param eventNumber the subscription's number for this event (1, 2, 3…); null only between the insert
 *     and the numbering (the dispatcher numbers it then)
 * @param failures attempts failed in a row in the current round (a replay starts a new round)
 * @param claimedBy the worker holding the lease ({@code MongoLeases}), null when free
 */
@Document("deliveries")
public record Delivery(
        @Id String id,
        String subscriptionId,
        String eventId,
        String eventType,
        Instant eventTime,
        Long eventNumber,
        String cloudEvent,
        DeliveryStatus status,
        String statusReason,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        int failures,
        List<DeliveryAttempt> attempts,
        String claimedBy,
        Instant claimedUntil) {

    public Delivery {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** A new delivery, due now (HELD while its subscription is paused). */
    public static Delivery owed(
            String id,
            String subscriptionId,
            String eventId,
            String eventType,
            Instant eventTime,
            String cloudEvent,
            boolean held,
            Instant now) {
        return new Delivery(
                id,
                subscriptionId,
                eventId,
                eventType,
                eventTime,
                null,
                cloudEvent,
                held ? DeliveryStatus.HELD : DeliveryStatus.PENDING,
                held ? "subscription-paused" : null,
                now,
                now,
                null,
                0,
                List.of(),
                null,
                null);
    }
}
