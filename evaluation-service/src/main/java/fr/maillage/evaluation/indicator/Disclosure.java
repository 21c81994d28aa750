package fr.maillage.evaluation.indicator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Small-number suppression: any count from 1 to {@code threshold - 1} is shown as {@code < threshold},
 * and a share, median or mean resting on so few cases is withheld, so no person can be singled out in
 * what leaves the service. Zero is shown (it singles nobody out). Statuses are kept: they say how the
 * network does, not who was concerned.
 */
public final class Disclosure {

    private final int threshold;

    /** @param threshold the smallest count shown as it is (5 by default) */
    public Disclosure(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("The small-number threshold is at least 1, not " + threshold);
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /** Whether a count must not be shown as it is. */
    public boolean hides(long count) {
        return count > 0 && count < threshold;
    }

    /** A count for people: {@code 12}, {@code 0}, or {@code < 5}. */
    public String count(long count) {
        return hides(count) ? "< " + threshold : String.valueOf(count);
    }

    /** The indicator as it may be shown. */
    public DisclosedIndicator disclose(IndicatorValue raw) {
        IndicatorDefinition definition = raw.definition();
        boolean suppressed = hides(raw.n());
        Double value = suppressed ? null : raw.value();
        String display;
        if (suppressed) {
            display = "< " + threshold;
        } else if (value == null) {
            display = "—";
        } else {
            display = format(value, definition.unit());
        }
        Map<String, String> breakdown = new LinkedHashMap<>();
        new TreeMap<>(raw.breakdown()).forEach((key, count) -> breakdown.put(key, count(count)));
        Target target = raw.target();
        return new DisclosedIndicator(
                definition.id(),
                definition.domain(),
                definition.name(),
                definition.unit(),
                value,
                display,
                count(raw.n()),
                breakdown,
                target,
                target == null ? null : target.describe() + suffix(definition.unit()),
                raw.status(),
                suppressed);
    }

    /** A value in its unit for people: {@code 87.5 %}, {@code 12.3 h}, {@code 45 min}, {@code +8.4 pts}. */
    public static String format(double value, Unit unit) {
        String number = String.format(Locale.ROOT, "%.1f", value);
        return switch (unit) {
            case COUNT -> String.valueOf(Math.round(value));
            case PERCENT -> number + " %";
            case HOURS -> number + " h";
            case MINUTES -> number + " min";
            case MEAN -> number;
            case POINTS -> (value > 0 ? "+" : "") + number + " pts";
        };
    }

    private static String suffix(Unit unit) {
        return switch (unit) {
            case COUNT, MEAN -> "";
            case PERCENT -> " %";
            case HOURS -> " h";
            case MINUTES -> " min";
            case POINTS -> " pts";
        };
    }
}
