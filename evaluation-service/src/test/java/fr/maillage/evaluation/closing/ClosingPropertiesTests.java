package fr.maillage.evaluation.closing;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClosingPropertiesTests {

    @Test
    void aSweepIntervalMustBePositiveAndAGracePeriodAtMostThirtyDays() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ClosingProperties(Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .withMessageContaining("sweep-interval");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ClosingProperties(Duration.ofHours(1), Duration.ofSeconds(-1), Duration.ZERO))
                .withMessageContaining("initial-delay");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ClosingProperties(Duration.ofHours(1), Duration.ZERO, Duration.ofDays(31)))
                .withMessageContaining("grace-period");
    }
}
