package fr.maillage.meeting.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ProposalPropertiesTests {

    private static ProposalProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("maillage.meeting.proposals", ProposalProperties.class);
    }

    @Test
    void withoutSettingsTheWindowIsThirtyDaysAndTheSweepRunsEveryMinute() {
        ProposalProperties properties = bind(Map.of());

        assertThat(properties.declineWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(properties.sweepInterval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theKeysAreReadAsIsoDurations() {
        ProposalProperties properties = bind(Map.of(
                "maillage.meeting.proposals.decline-window", "P14D",
                "maillage.meeting.proposals.sweep-interval", "PT2S"));

        assertThat(properties.declineWindow()).isEqualTo(Duration.ofDays(14));
        assertThat(properties.sweepInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aNonPositiveWindowOrIntervalIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("maillage.meeting.proposals.decline-window", "PT0S")))
                .isInstanceOf(BindException.class);
        assertThatThrownBy(() -> new ProposalProperties(Duration.ofDays(30), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
