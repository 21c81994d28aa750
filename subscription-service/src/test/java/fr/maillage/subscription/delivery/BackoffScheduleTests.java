package fr.maillage.subscription.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffScheduleTests {

    @Test
    void withoutJitterTheNineStepsAreTheIssuesSchedule() {
        BackoffSchedule schedule = new BackoffSchedule(BackoffSchedule.DEFAULT_STEPS, 0.2, () -> 0.5);

        assertThat(IntStream.rangeClosed(1, 9)
                        .mapToObj(n -> schedule.delayAfter(n).orElseThrow()))
                .containsExactly(
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30),
                        Duration.ofHours(2),
                        Duration.ofHours(5),
                        Duration.ofHours(10),
                        Duration.ofHours(14),
                        Duration.ofHours(20),
                        Duration.ofHours(24));
        assertThat(schedule.steps()).isEqualTo(9);
    }

    @Test
    void jitterStaysWithinTwentyPercent() {
        BackoffSchedule lowest = new BackoffSchedule(BackoffSchedule.DEFAULT_STEPS, 0.2, () -> 0.0);
        BackoffSchedule highest = new BackoffSchedule(BackoffSchedule.DEFAULT_STEPS, 0.2, () -> 0.999_999);

        assertThat(lowest.delayAfter(1)).contains(Duration.ofSeconds(4));
        assertThat(lowest.delayAfter(9)).contains(Duration.ofMinutes(24 * 48));
        assertThat(highest.delayAfter(2).orElseThrow())
                .isGreaterThan(Duration.ofSeconds(359))
                .isLessThanOrEqualTo(Duration.ofSeconds(360));
        java.util.Random random = new java.util.Random(8);
        BackoffSchedule randomised = new BackoffSchedule(BackoffSchedule.DEFAULT_STEPS, 0.2, random::nextDouble);
        for (int i = 0; i < 1000; i++) {
            assertThat(randomised.delayAfter(3).orElseThrow())
                    .isBetween(Duration.ofMinutes(24), Duration.ofMinutes(36));
        }
    }

    @Test
    void afterTheLastStepThereIsNoFurtherAttempt() {
        BackoffSchedule schedule = new BackoffSchedule(BackoffSchedule.DEFAULT_STEPS, 0.2, () -> 0.5);

        assertThat(schedule.delayAfter(10)).isEqualTo(Optional.empty());
        assertThat(schedule.delayAfter(0)).isEmpty();
        assertThat(new BackoffSchedule(List.of(Duration.ofSeconds(1)), 0, () -> 0.5).delayAfter(2))
                .isEmpty();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new BackoffSchedule(List.of(Duration.ZERO), 0.2, () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffSchedule(BackoffSchedule.DEFAULT_STEPS, 1.0, () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
