package fr.maillage.subscription.delivery;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** To be sent at {@code nextAttemptAt}. */
    PENDING,
    /** The subscription is paused: sent after it resumes, in order. */
    HELD,
    /** A 2xx answered. */
    DELIVERED,
    /** 410 Gone, or every attempt of the schedule failed: kept, replayable. */
    FAILED,
    /** The subscription was deleted or disabled before it was sent. */
    CANCELLED
}
