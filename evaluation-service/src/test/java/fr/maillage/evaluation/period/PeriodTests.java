package fr.maillage.evaluation.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTests {

    @Test
    void aQuarterRunsFromParisMidnightToParisMidnight() {
        Period q4 = Period.parse("2026-Q4");

        assertThat(q4.firstDay()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q4.lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(q4.start()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z")); // summer time
        assertThat(q4.end()).isEqualTo(Instant.parse("2026-12-31T23:00:00Z")); // winter time
    }

    @Test
    void anEventJustBeforeParisMidnightBelongsToTheEndingPeriod() {
        Period q3 = Period.parse("2026-Q3");

        assertThat(q3.contains(Instant.parse("2026-09-30T21:59:59Z"))).isTrue();
        assertThat(q3.contains(Instant.parse("2026-09-30T22:00:00Z"))).isFalse();
        assertThat(Period.quarterOf(Instant.parse("2026-09-30T22:00:00Z")).code())
                .isEqualTo("2026-Q4");
    }

    @Test
    void aMonthIsParsedAndKnowsItsDays() {
        Period november = Period.parse("2026-11");

        assertThat(november.granularity()).isEqualTo(Period.Granularity.MONTH);
        assertThat(november.contains(LocalDate.of(2026, 11, 30))).isTrue();
        assertThat(november.contains(LocalDate.of(2026, 12, 1))).isFalse();
        assertThat(Period.monthOf(Instant.parse("2026-11-30T23:30:00Z")).code()).isEqualTo("2026-12");
    }

    @Test
    void aQuarterIsClosedOnceItsEndHasPassed() {
        Period q4 = Period.parse("2026-Q4");

        assertThat(q4.isClosedAt(Instant.parse("2026-12-31T22:59:59Z"))).isFalse();
        assertThat(q4.isClosedAt(q4.end())).isTrue();
        assertThat(q4.hasStartedAt(Instant.parse("2026-09-30T21:59:59Z"))).isFalse();
    }

    @Test
    void theQuarterBeforeTheFirstIsTheLastOfTheYearBefore() {
        assertThat(Period.parse("2027-Q1").previous().code()).isEqualTo("2026-Q4");
        assertThat(Period.parse("2027-01").previous().code()).isEqualTo("2026-12");
    }

    @Test
    void aQuarterHasItsThreeMonths() {
        assertThat(Period.parse("2026-Q2").months())
                .extracting(Period::code)
                .containsExactly("2026-04", "2026-05", "2026-06");
    }

    @Test
    void anythingElseIsRefusedWithTheExpectedForms() {
        for (String bad : new String[] {"2026-Q5", "2026-13", "2026Q4", "Q4-2026", "", null}) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> Period.parse(bad))
                    .withMessageContaining("2026-Q4");
        }
    }
}
