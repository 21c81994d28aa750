package fr.maillage.meeting.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

class ActionPropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(ActionConfiguration.class);

    private static ActionProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("maillage.meeting.actions", ActionProperties.class);
    }

    @Test
    void theOverdueSweepRunsEveryMinuteByDefault() {
        assertThat(bind(Map.of("maillage.meeting.quorum.min-professions", "3")).overdueSweepInterval())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void theSweepIntervalIsMaillageMeetingActionsOverdueSweepInterval() {
        assertThat(bind(Map.of("maillage.meeting.actions.overdue-sweep-interval", "PT2S"))
                        .overdueSweepInterval())
                .isEqualTo(Duration.ofSeconds(2));
        context.withPropertyValues("maillage.meeting.actions.overdue-sweep-interval=5s")
                .run(started -> assertThat(
                                started.getBean(ActionProperties.class).overdueSweepInterval())
                        .isEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void aZeroOrNegativeIntervalStopsTheStart() {
        for (String interval : new String[] {"PT0S", "-PT1M"}) {
            context.withPropertyValues("maillage.meeting.actions.overdue-sweep-interval=" + interval)
                    .run(started -> assertThat(started)
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining("overdue-sweep-interval"));
        }
    }

    @Test
    void anIntervalThatIsNoDurationStopsTheStart() {
        context.withPropertyValues("maillage.meeting.actions.overdue-sweep-interval=soon")
                .run(started -> assertThat(started).hasFailed());
    }
}
