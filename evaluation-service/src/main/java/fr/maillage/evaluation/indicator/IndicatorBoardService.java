package fr.maillage.evaluation.indicator;

import fr.maillage.evaluation.period.Period;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * The indicator board: the formulas over the projection's facts, computed when asked, with the territory's
 * targets (its own over the defaults) and the statuses against them.
 */
@Service
class IndicatorBoardService implements IndicatorBoard {

    private final FactStore facts;
    private final TargetStore territoryTargets;
    private final Targets targets;
    private final IndicatorCalculator calculator;
    private final Clock clock;

    IndicatorBoardService(
            FactStore facts,
            TargetStore territoryTargets,
            Targets targets,
            IndicatorCalculator calculator,
            Clock clock) {
        this.facts = facts;
        this.territoryTargets = territoryTargets;
        this.targets = targets;
        this.calculator = calculator;
        this.clock = clock;
    }

    @Override
    public List<IndicatorDefinition> definitions() {
        return IndicatorCatalogue.all();
    }

    @Override
    public TerritoryIndicators indicators(String territory, Period period) {
        Instant now = clock.instant();
        boolean closed = period.isClosedAt(now);
        List<IndicatorValue> values = IndicatorCalculator.withTargets(
                calculator.compute(facts.current(), territory, period, now), targetsOf(territory), closed);
        return new TerritoryIndicators(territory, period, now, closed, values);
    }

    @Override
    public Set<String> territories() {
        Set<String> territories = new TreeSet<>(facts.territories());
        territories.addAll(territoryTargets.territories());
        return territories;
    }

    /** The territory's targets by indicator id: its own over the defaults. */
    Map<String, Target> targetsOf(String territory) {
        return targets.with(territoryTargets.of(territory).stream()
                .map(TargetStore.TerritoryTarget::target)
                .toList());
    }
}
