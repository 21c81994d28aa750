package fr.maillage.evaluation.indicator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The targets every territory has by default (configuration), and a territory's own targets laid over them.
 * A target must name a catalogue indicator and a threshold that makes sense in its unit.
 */
public final class Targets {

    private final Map<String, Target> defaults;

    /** @throws IllegalArgumentException when a default names an unknown indicator, twice, or a senseless threshold */
    public Targets(Collection<Target> defaults) {
        Map<String, Target> byId = new LinkedHashMap<>();
        List<String> faults = new ArrayList<>();
        for (Target target : defaults) {
            Optional<IndicatorDefinition> definition = IndicatorCatalogue.find(target.indicatorId());
            if (definition.isEmpty()) {
                faults.add("unknown indicator '" + target.indicatorId() + "'");
                continue;
            }
            problem(definition.get(), target.comparison(), target.threshold())
                    .ifPresent(problem -> faults.add(target.indicatorId() + ": " + problem));
            if (byId.put(target.indicatorId(), target) != null) {
                faults.add(target.indicatorId() + " has two default targets");
            }
        }
        if (!faults.isEmpty()) {
            throw new IllegalArgumentException("Invalid default targets: " + String.join("; ", faults));
        }
        this.defaults = Collections.unmodifiableMap(byId);
    }

    /** The default targets, by indicator id. */
    public Map<String, Target> defaults() {
        return defaults;
    }

    /** The targets of a territory: its own where it has one, else the default; by indicator id. */
    public Map<String, Target> with(Collection<Target> territoryTargets) {
        Map<String, Target> targets = new LinkedHashMap<>(defaults);
        territoryTargets.forEach(target -> targets.put(target.indicatorId(), target));
        return targets;
    }

    /** What is wrong with a threshold for an indicator, if anything. */
    public static Optional<String> problem(IndicatorDefinition definition, Comparison comparison, double threshold) {
        if (comparison == null) {
            return Optional.of("a comparison (AT_LEAST or AT_MOST) is required");
        }
        if (!Double.isFinite(threshold)) {
            return Optional.of("the threshold must be a finite number");
        }
        return switch (definition.unit()) {
            case PERCENT ->
                threshold < 0 || threshold > 100
                        ? Optional.of("a percentage threshold is from 0 to 100, not " + threshold)
                        : Optional.empty();
            case POINTS ->
                threshold < -100 || threshold > 100
                        ? Optional.of("a change of score is from -100 to 100 points, not " + threshold)
                        : Optional.empty();
            case COUNT, HOURS, MINUTES, MEAN ->
                threshold < 0 ? Optional.of("the threshold cannot be negative") : Optional.empty();
        };
    }
}
