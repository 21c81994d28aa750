package fr.maillage.evaluation.indicator;

import java.util.Map;

/**
 * One indicator's raw figure for a territory and period (before small-number suppression: see
 * {@link Disclosure}).
 *
 * @param definition what it is
 * @param value the value in the definition's unit; null when there is no case to measure
 * @param n the number of cases behind the value (the denominator of a share, the cases of a median or
 *     mean, the pairs of a paired change; for a COUNT, the count itself)
 * @param breakdown counts by category (e.g. {@code ACCEPTED -> 12} for referrals by status); may be empty
 * @param target the territory's target, or null
 * @param status against the target
 */
public record IndicatorValue(
        IndicatorDefinition definition,
        Double value,
        long n,
        Map<String, Long> breakdown,
        Target target,
        TargetStatus status) {

    public IndicatorValue {
        breakdown = breakdown == null ? Map.of() : Map.copyOf(breakdown);
    }

    public String id() {
        return definition.id();
    }
}
