package fr.maillage.evaluation.indicator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One indicator's raw figure, before targets: see {@link IndicatorValue}.
 *
 * @param id catalogue id
 * @param value in the indicator's unit; null when there is no case (a count is 0 then)
 * @param n the cases behind the value
 * @param breakdown counts by category, in a stable order
 */
public record Figure(String id, Double value, long n, Map<String, Long> breakdown) {

    public Figure {
        breakdown = breakdown == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(breakdown));
    }

    static Figure count(String id, long count, Map<String, Long> breakdown) {
        return new Figure(id, (double) count, count, breakdown);
    }

    /** {@code numerator / denominator} as a percentage; no value without a case. */
    static Figure share(String id, long numerator, long denominator, Map<String, Long> breakdown) {
        return new Figure(id, denominator == 0 ? null : 100.0 * numerator / denominator, denominator, breakdown);
    }
}
