package fr.maillage.evaluation.indicator;

import fr.maillage.evaluation.period.Period;
import java.util.List;
import java.util.Set;

/**
 * The indicators as the rest of the service reads them (reports, the closed-period review): raw figures
 * from the projection of every topic, with the territory's targets and statuses. Implemented in this
 * package; callers apply {@link Disclosure} before any figure leaves the service.
 */
public interface IndicatorBoard {

    /** The catalogue, in a stable order (by domain, then as listed). */
    List<IndicatorDefinition> definitions();

    /** Every indicator of the territory for the period, computed now. */
    TerritoryIndicators indicators(String territory, Period period);

    /** The territories with events or targets: those the closed-period review looks at. */
    Set<String> territories();
}
