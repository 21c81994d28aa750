package fr.maillage.evaluation.report;

import fr.maillage.evaluation.indicator.IndicatorBoard;
import fr.maillage.evaluation.indicator.IndicatorDefinition;
import fr.maillage.evaluation.indicator.TerritoryIndicators;
import fr.maillage.evaluation.period.Period;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Our own port faked for the report and closing tests: the {@link TestFigures} for every territory and
 * period (statuses by the service's clock), the territories a test declares, and a count of the calls, so
 * tests can check figures are computed once per report.
 */
public class FakeIndicatorBoard implements IndicatorBoard {

    private final Clock clock;
    private final Set<String> territories = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    public FakeIndicatorBoard(Clock clock) {
        this.clock = clock;
    }

    /** Makes the territory one the closed-period review looks at. */
    public void declare(String territory) {
        territories.add(territory);
    }

    /** How many times the figures of the territory for the period were asked for. */
    public int calls(String territory, Period period) {
        AtomicInteger count = calls.get(territory + "/" + period.code());
        return count == null ? 0 : count.get();
    }

    /** How many times the figures of the territory were asked for, any period. */
    public int calls(String territory) {
        return calls.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(territory + "/"))
                .mapToInt(entry -> entry.getValue().get())
                .sum();
    }

    @Override
    public List<IndicatorDefinition> definitions() {
        return List.copyOf(TestFigures.CATALOGUE);
    }

    @Override
    public TerritoryIndicators indicators(String territory, Period period) {
        calls.computeIfAbsent(territory + "/" + period.code(), key -> new AtomicInteger())
                .incrementAndGet();
        return TestFigures.of(territory, period, clock.instant());
    }

    @Override
    public Set<String> territories() {
        return Set.copyOf(territories);
    }
}
