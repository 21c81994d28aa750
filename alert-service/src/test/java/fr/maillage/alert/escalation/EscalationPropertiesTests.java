package fr.maillage.alert.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EscalationPropertiesTests {

    @Test
    void defaultsAreLevelTwoAfterTwoHoursAndASweepEveryThirtySeconds() {
        EscalationProperties defaults = new EscalationProperties(null, null, null);

        assertThat(defaults.secondLevelAfter()).isEqualTo(Duration.ofHours(2));
        assertThat(defaults.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.batchSize()).isEqualTo(100);
    }

    @Test
    void durationsMustBePositiveAndBatchesHoldOneAlertAtLeast() {
        assertThatThrownBy(() -> new EscalationProperties(Duration.ZERO, null, null))
                .hasMessageContaining("second-level-after");
        assertThatThrownBy(() -> new EscalationProperties(null, Duration.ofSeconds(-1), null))
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> new EscalationProperties(null, null, 0)).hasMessageContaining("batch-size");
    }
}
