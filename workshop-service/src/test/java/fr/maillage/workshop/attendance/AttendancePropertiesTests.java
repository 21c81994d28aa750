package fr.maillage.workshop.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

class AttendancePropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(AttendanceConfiguration.class);

    private static AttendanceProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("maillage.workshop", AttendanceProperties.class);
    }

    @Test
    void defaultsAreTwoAbsencesAndHalfAnHourBeforeTheStart() {
        AttendanceProperties properties = bind(Map.of("maillage.workshop.pending-sweep-interval", "PT15S"));

        assertThat(properties.disengagement().consecutiveAbsences()).isEqualTo(2);
        assertThat(properties.attendance().recordableBeforeStart()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void theKeysLiveUnderMaillageWorkshop() {
        AttendanceProperties properties = bind(Map.of(
                "maillage.workshop.disengagement.consecutive-absences", "3",
                "maillage.workshop.attendance.recordable-before-start", "PT1H"));

        assertThat(properties.disengagement().consecutiveAbsences()).isEqualTo(3);
        assertThat(properties.attendance().recordableBeforeStart()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theConfiguredThresholdMakesThePolicy() {
        context.withPropertyValues("maillage.workshop.disengagement.consecutive-absences=4")
                .run(started -> assertThat(
                                started.getBean(DisengagementPolicy.class).consecutiveAbsences())
                        .isEqualTo(4));
    }

    @Test
    void aThresholdBelowOneStopsTheStart() {
        context.withPropertyValues("maillage.workshop.disengagement.consecutive-absences=0")
                .run(started ->
                        assertThat(started).getFailure().rootCause().hasMessageContaining("consecutiveAbsences"));
    }

    @Test
    void aNegativeAdvanceStopsTheStart() {
        context.withPropertyValues("maillage.workshop.attendance.recordable-before-start=-PT5M")
                .run(started ->
                        assertThat(started).getFailure().rootCause().hasMessageContaining("recordable-before-start"));
    }
}
