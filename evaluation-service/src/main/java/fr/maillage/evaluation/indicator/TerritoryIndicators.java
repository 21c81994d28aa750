package fr.maillage.evaluation.indicator;

import fr.maillage.evaluation.period.Period;
import java.time.Instant;
import java.util.List;

/**
 * Every indicator of the catalogue for a territory and period, in catalogue order.
 *
 * @param territory e.g. {@code bievre}
 * @param period the month or quarter
 * @param computedAt when the figures were computed
 * @param closed whether the period was over at {@code computedAt} (statuses are then final: MET or MISSED)
 * @param values one per catalogue entry
 */
public record TerritoryIndicators(
        String territory, Period period, Instant computedAt, boolean closed, List<IndicatorValue> values) {

    public TerritoryIndicators {
        values = List.copyOf(values);
    }
}
