package fr.maillage.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ReferralPropertiesTests {

    private static ReferralProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("maillage.referral", ReferralProperties.class);
    }

    @Test
    void answerTargetsAreReadByPriorityAsInApplicationYml() {
        ReferralProperties properties = bind(Map.of(
                "maillage.referral.answer-targets.URGENT", "PT2S",
                "maillage.referral.answer-targets.ROUTINE", "P3D",
                "maillage.referral.overdue.interval", "PT0.2S",
                "maillage.referral.overdue.batch-size", "10",
                "maillage.referral.workshop-events-topic", "workshop.events.v1"));
        AnswerTargets targets = new AnswerTargets(properties.answerTargets());
        Instant t0 = Instant.parse("2026-11-23T09:00:00Z");

        assertThat(targets.dueBy(Priority.URGENT, t0)).isEqualTo(t0.plusSeconds(2));
        assertThat(targets.dueBy(Priority.ROUTINE, t0)).isEqualTo(t0.plus(Duration.ofDays(3)));
        assertThat(properties.overdue().interval()).isEqualTo(Duration.ofMillis(200));
        assertThat(properties.overdue().batchSize()).isEqualTo(10);
    }

    @Test
    void withoutSettingsTheWatcherSweepsEveryMinuteAndTheTargetsAreTheIssues() {
        ReferralProperties properties = bind(Map.of());
        AnswerTargets targets = new AnswerTargets(properties.answerTargets());
        Instant t0 = Instant.parse("2026-11-23T09:00:00Z");

        assertThat(properties.overdue().interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(targets.dueBy(Priority.URGENT, t0)).isEqualTo(t0.plus(Duration.ofHours(48)));
        assertThat(targets.dueBy(Priority.ROUTINE, t0)).isEqualTo(t0.plus(Duration.ofDays(7)));
    }

    @Test
    void aNonPositiveIntervalOrBatchIsRefused() {
        assertThatThrownBy(() -> new ReferralProperties.Overdue(Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReferralProperties.Overdue(Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
