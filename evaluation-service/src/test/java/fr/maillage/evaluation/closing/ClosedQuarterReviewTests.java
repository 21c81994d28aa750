package fr.maillage.evaluation.closing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.evaluation.indicator.IndicatorValue;
import fr.maillage.evaluation.period.Period;
import fr.maillage.evaluation.report.TestFigures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClosedQuarterReviewTests {

    private static final Duration SIX_HOURS = Duration.ofHours(6);

    @Test
    void theQuarterBeforeTheCurrentOneIsReviewedOnceItsGracePeriodIsOver() {
        Instant q4Start = Period.parse("2026-Q4").start(); // 2026-10-01 00:00 Paris

        assertThat(ClosedQuarterReview.quarterToReview(q4Start.plus(SIX_HOURS).minusMillis(1), SIX_HOURS))
                .isEmpty();
        assertThat(ClosedQuarterReview.quarterToReview(q4Start.plus(SIX_HOURS), SIX_HOURS))
                .map(Period::code)
                .contains("2026-Q3");
        assertThat(ClosedQuarterReview.quarterToReview(Instant.parse("2026-11-24T02:00:00Z"), SIX_HOURS))
                .map(Period::code)
                .contains("2026-Q3");
        assertThat(ClosedQuarterReview.quarterToReview(q4Start, Duration.ZERO))
                .map(Period::code)
                .contains("2026-Q3");
    }

    @Test
    void onlyTheIndicatorsUnderTargetInAClosedPeriodAreMisses() {
        Period q3 = Period.parse("2026-Q3");

        assertThat(ClosedQuarterReview.missed(TestFigures.of("bievre", q3, Instant.parse("2026-11-24T02:00:00Z"))))
                .extracting(IndicatorValue::id)
                .containsExactlyElementsOf(TestFigures.MISSED_WHEN_CLOSED);
    }

    @Test
    void anOpenPeriodHasNoMissOnlyIndicatorsAtRisk() {
        Period q4 = Period.parse("2026-Q4");

        assertThat(ClosedQuarterReview.missed(TestFigures.of("bievre", q4, Instant.parse("2026-11-24T02:00:00Z"))))
                .isEmpty();
    }

    @Test
    void aMissIsKeyedByTerritoryQuarterAndIndicator() {
        assertThat(ClosedQuarterReview.key("bievre", Period.parse("2026-Q3"), "workshops.fill-rate"))
                .isEqualTo("bievre:2026-Q3:workshops.fill-rate");
    }
}
