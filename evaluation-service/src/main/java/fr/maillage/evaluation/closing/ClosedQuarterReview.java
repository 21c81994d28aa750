package fr.maillage.evaluation.closing;

import fr.maillage.evaluation.indicator.IndicatorValue;
import fr.maillage.evaluation.indicator.TargetStatus;
import fr.maillage.evaluation.indicator.TerritoryIndicators;
import fr.maillage.evaluation.period.Period;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which quarter is reviewed, and what it missed: the quarter before the current one (Paris), once it has
 * been over for the grace period; its indicators whose status is MISSED (under target in a closed period).
 * Met, at-risk, without-target and without-data indicators are not misses.
 */
public final class ClosedQuarterReview {

    private ClosedQuarterReview() {}

    /** The quarter to review at {@code now}, or none while the last one ended less than {@code grace} ago. */
    public static Optional<Period> quarterToReview(Instant now, Duration grace) {
        Period previous = Period.quarterOf(now).previous();
        return now.isBefore(previous.end().plus(grace)) ? Optional.empty() : Optional.of(previous);
    }

    /** The indicators the closed period missed; none when the figures are not final (period still open). */
    public static List<IndicatorValue> missed(TerritoryIndicators figures) {
        if (!figures.closed()) {
            return List.of();
        }
        return figures.values().stream()
                .filter(value -> value.status() == TargetStatus.MISSED && value.target() != null)
                .toList();
    }

    /** {@code <territory>:<period>:<indicatorId>}: the once-ever key of a miss, and its event's subject. */
    public static String key(String territory, Period period, String indicatorId) {
        return territory + ":" + period.code() + ":" + indicatorId;
    }
}
