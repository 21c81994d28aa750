package fr.maillage.subscription.subscription;

import java.time.Duration;

/**
 * When deliveries that keep failing make a subscription FAILING, then DISABLED.
 *
 * @param failingAfter consecutive failed attempts that make it FAILING (and the least that may disable it)
 * @param disableAfter how long a failure streak (since its first failure) may last before it is DISABLED
 */
public record HealthPolicy(int failingAfter, Duration disableAfter) {

    /** {@code statusReason} of a FAILING subscription. */
    public static final String CONSECUTIVE_FAILURES = "consecutive-failures";
    /** {@code statusReason} of a subscription disabled after failing for too long. */
    public static final String FAILING_TOO_LONG = "failing-too-long";
    /** {@code statusReason} of a subscription whose endpoint answered 410 Gone. */
    public static final String GONE = "gone";

    public HealthPolicy {
        if (failingAfter < 1) {
            throw new IllegalArgumentException("failingAfter must be at least 1");
        }
        if (disableAfter == null || disableAfter.isNegative()) {
            throw new IllegalArgumentException("disableAfter must be zero or positive");
        }
    }

    boolean isFailing(int streak) {
        return streak >= failingAfter;
    }

    boolean mustDisable(int streak, Duration streakAge) {
        return streak >= failingAfter && streakAge.compareTo(disableAfter) >= 0;
    }
}
