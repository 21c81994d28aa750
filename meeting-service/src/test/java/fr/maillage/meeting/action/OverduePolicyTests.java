package fr.maillage.meeting.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OverduePolicyTests {

    @Test
    void aWinterDueDayEndsAtElevenPmUtc() {
        LocalDate dueOn = LocalDate.parse("2026-12-01");

        assertThat(OverduePolicy.deadline(dueOn)).isEqualTo(Instant.parse("2026-12-01T23:00:00Z"));
        assertThat(OverduePolicy.isPast(dueOn, Instant.parse("2026-12-01T22:59:59.999Z")))
                .isFalse();
        assertThat(OverduePolicy.isPast(dueOn, Instant.parse("2026-12-01T23:00:00Z")))
                .isTrue();
    }

    @Test
    void aSummerDueDayEndsAtTenPmUtc() {
        LocalDate dueOn = LocalDate.parse("2026-07-14");

        assertThat(OverduePolicy.deadline(dueOn)).isEqualTo(Instant.parse("2026-07-14T22:00:00Z"));
        assertThat(OverduePolicy.isPast(dueOn, Instant.parse("2026-07-14T21:59:59.999Z")))
                .isFalse();
        assertThat(OverduePolicy.isPast(dueOn, Instant.parse("2026-07-14T22:00:00Z")))
                .isTrue();
    }

    @Test
    void theDayClocksGoForwardLastsTwentyThreeHours() {
        // Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST.
        LocalDate saturday = LocalDate.parse("2026-03-28");
        LocalDate sunday = LocalDate.parse("2026-03-29");

        assertThat(OverduePolicy.deadline(saturday)).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(OverduePolicy.deadline(sunday)).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(Duration.between(OverduePolicy.deadline(saturday), OverduePolicy.deadline(sunday)))
                .isEqualTo(Duration.ofHours(23));
        assertThat(OverduePolicy.isPast(sunday, Instant.parse("2026-03-29T21:59:59.999Z")))
                .isFalse();
        assertThat(OverduePolicy.isPast(sunday, Instant.parse("2026-03-29T22:00:00Z")))
                .isTrue();
    }

    @Test
    void theDayClocksGoBackLastsTwentyFiveHours() {
        // Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET.
        LocalDate saturday = LocalDate.parse("2026-10-24");
        LocalDate sunday = LocalDate.parse("2026-10-25");

        assertThat(OverduePolicy.deadline(saturday)).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
        assertThat(OverduePolicy.deadline(sunday)).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
        assertThat(Duration.between(OverduePolicy.deadline(saturday), OverduePolicy.deadline(sunday)))
                .isEqualTo(Duration.ofHours(25));
        // 22:30 UTC is 23:30 in Paris that Sunday: still the due day, though past 22:00 UTC.
        assertThat(OverduePolicy.isPast(sunday, Instant.parse("2026-10-25T22:30:00Z")))
                .isFalse();
        assertThat(OverduePolicy.isPast(sunday, Instant.parse("2026-10-25T23:00:00Z")))
                .isTrue();
    }

    @Test
    void theDueDayIsParisDayNotTheUtcDay() {
        LocalDate dueOn = LocalDate.parse("2026-12-01");
        Instant lateEvening = Instant.parse("2026-12-01T23:30:00Z"); // still 1 December in UTC

        assertThat(OverduePolicy.today(lateEvening)).isEqualTo(LocalDate.parse("2026-12-02"));
        assertThat(OverduePolicy.isPast(dueOn, lateEvening)).isTrue();
        assertThat(OverduePolicy.isOnTime(dueOn, lateEvening)).isFalse();
        assertThat(OverduePolicy.isOnTime(dueOn, Instant.parse("2026-12-01T22:59:59Z")))
                .isTrue();
    }
}
