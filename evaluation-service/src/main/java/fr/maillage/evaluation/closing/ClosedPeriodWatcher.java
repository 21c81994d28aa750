package fr.maillage.evaluation.closing;

import fr.maillage.evaluation.indicator.DisclosedIndicator;
import fr.maillage.evaluation.indicator.Disclosure;
import fr.maillage.evaluation.indicator.IndicatorBoard;
import fr.maillage.evaluation.indicator.IndicatorValue;
import fr.maillage.evaluation.indicator.TerritoryIndicators;
import fr.maillage.evaluation.period.Period;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Reviews the last closed quarter of every territory the {@link IndicatorBoard} knows, every
 * {@code maillage.evaluation.closing.sweep-interval}: each indicator that missed its target publishes
 * {@code indicator-missed} once ever per (territory, quarter, indicator). Every instance sweeps; a miss is
 * recorded under that key together with its event, so the instance that loses the race gets a duplicate
 * key and publishes nothing. "Now" is the service's clock.
 */
@Component
class ClosedPeriodWatcher implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ClosedPeriodWatcher.class);

    private final IndicatorBoard board;
    private final Disclosure disclosure;
    private final IndicatorMissStore misses;
    private final ClosingMessages messages;
    private final ClosingProperties properties;
    private final Clock clock;

    ClosedPeriodWatcher(
            IndicatorBoard board,
            Disclosure disclosure,
            IndicatorMissStore misses,
            ClosingMessages messages,
            ClosingProperties properties,
            Clock clock) {
        this.board = board;
        this.disclosure = disclosure;
        this.misses = misses;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                new FixedDelayTask(this::sweep, properties.sweepInterval(), properties.initialDelay()));
    }

    /** One review: the last closed quarter (once past the grace period) of every territory; misses announced. */
    void sweep() {
        Instant now = clock.instant();
        Optional<Period> quarter = ClosedQuarterReview.quarterToReview(now, properties.gracePeriod());
        if (quarter.isEmpty()) {
            return;
        }
        for (String territory : new TreeSet<>(board.territories())) {
            try {
                review(territory, quarter.get(), now);
            } catch (RuntimeException failed) {
                // One territory failing does not hold the others up: the next sweep reviews it again.
                log.warn(
                        "Reviewing quarter {} of territory {} failed; the next sweep retries",
                        quarter.get(),
                        territory,
                        failed);
            }
        }
    }

    private void review(String territory, Period quarter, Instant now) {
        TerritoryIndicators figures = board.indicators(territory, quarter);
        List<IndicatorValue> missed = ClosedQuarterReview.missed(figures);
        for (IndicatorValue value : missed) {
            String key = ClosedQuarterReview.key(territory, quarter, value.id());
            if (misses.announced(key)) {
                continue;
            }
            DisclosedIndicator shown = disclosure.disclose(value);
            IndicatorMiss miss = IndicatorMiss.of(key, territory, quarter.code(), value.id(), now);
            messages.missed(miss, quarter, shown);
            if (misses.record(miss)) {
                log.info("Indicator {} of territory {} missed its target in {}", value.id(), territory, quarter);
            }
        }
    }
}
