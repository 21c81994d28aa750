package fr.maillage.evaluation.indicator;

import java.util.Map;

/**
 * An indicator as it leaves the service (API, JSON, CSV and PDF reports): small numbers suppressed so no
 * person can be singled out (see {@link Disclosure}).
 *
 * @param id catalogue id
 * @param domain catalogue domain
 * @param name catalogue name
 * @param unit the value's unit
 * @param value the value, or null when there is no case or it is suppressed
 * @param display the value for people: {@code 87.5 %}, {@code 12}, {@code < 5}, {@code —} (no case)
 * @param n the number of cases behind the value for people: {@code 12}, {@code < 5}, {@code 0}
 * @param breakdown counts by category for people ({@code < 5} where suppressed)
 * @param target the territory's target, or null
 * @param targetDisplay e.g. {@code ≥ 90 %}, or null
 * @param status against the target (computed on the raw value)
 * @param suppressed whether the value is withheld because it rests on fewer cases than the threshold
 */
public record DisclosedIndicator(
        String id,
        String domain,
        String name,
        Unit unit,
        Double value,
        String display,
        String n,
        Map<String, String> breakdown,
        Target target,
        String targetDisplay,
        TargetStatus status,
        boolean suppressed) {}
