package fr.maillage.subscription.subscription;

/** Where a subscription stands. */
public enum SubscriptionStatus {
    /** Created; its endpoint has not yet answered the verification event with a 2xx. */
    REQUESTED,
    /** Verified: events are delivered. */
    ACTIVE,
    /** Paused by the partner or an admin: events are held and sent after resume. */
    PAUSED,
    /** Deliveries keep failing: still attempted, the partner and admins can see why. */
    FAILING,
    /** No longer delivered (failing for too long, or the endpoint answered 410 Gone). */
    DISABLED
}
