package fr.maillage.referral.resource;

import java.time.Instant;
import java.util.Objects;

/**
 * How many places a resource has free right now.
 *
 * @param available free places (0 = full)
 * @param maximum places in all, {@code null} when the resource does not say
 * @param updatedAt when someone last told us
 */
public record Capacity(int available, Integer maximum, Instant updatedAt) {

    public Capacity {
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (available < 0) {
            throw new ResourceRuleViolation("available places cannot be negative (" + available + ")");
        }
        if (maximum != null && maximum < 0) {
            throw new ResourceRuleViolation("the maximum number of places cannot be negative (" + maximum + ")");
        }
        if (maximum != null && available > maximum) {
            throw new ResourceRuleViolation(
                    "available places (" + available + ") cannot exceed the maximum (" + maximum + ")");
        }
    }

    /** The same counts (the date aside). */
    boolean sameCountsAs(Capacity other) {
        return other != null && available == other.available && Objects.equals(maximum, other.maximum);
    }

    /** Counts as someone tells them, before they are dated. */
    public record Counts(int available, Integer maximum) {}
}
