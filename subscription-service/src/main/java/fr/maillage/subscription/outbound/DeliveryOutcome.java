package fr.maillage.subscription.outbound;

/** What one POST to a partner's endpoint came to. */
public enum DeliveryOutcome {
    /** 2xx. */
    DELIVERED,
    /** 410 Gone: the partner wants no more; the subscription is disabled. */
    GONE,
    /** 429 or 503: try again later, after {@code Retry-After} when given. */
    THROTTLED,
    /** Any other status (including 3xx: redirects are not followed). */
    FAILED,
    /** No answer: connection refused or reset, TLS failure, timeout. */
    UNREACHABLE,
    /** Not attempted: the callback's address is not allowed (SSRF policy). */
    REFUSED
}
