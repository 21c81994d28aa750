package fr.maillage.workshop.programme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code maillage.workshop.programme-defaults.*} as Spring binds and checks it at start-up. */
class ProgrammeDefaultsPropertiesIntegrationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ProgrammeDefaultsProperties.class)
    static class Defaults {}

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Defaults.class);

    @Test
    void withoutConfigurationTheDefaultsAreThoseOfTheContract() {
        context.run(started -> assertThat(
                        started.getBean(ProgrammeDefaultsProperties.class).settings())
                .isEqualTo(ProgrammeSettings.DEFAULTS)
                .isEqualTo(new ProgrammeSettings(8, 120, 4, 10, Cadence.WEEKLY, true)));
    }

    @Test
    void eachDefaultCanBeConfigured() {
        context.withPropertyValues(
                        "maillage.workshop.programme-defaults.session-count=10",
                        "maillage.workshop.programme-defaults.session-minutes=90",
                        "maillage.workshop.programme-defaults.min-participants=5",
                        "maillage.workshop.programme-defaults.max-participants=12",
                        "maillage.workshop.programme-defaults.cadence=fortnightly",
                        "maillage.workshop.programme-defaults.alternating-individual-slots=false")
                .run(started -> assertThat(started.getBean(ProgrammeDefaultsProperties.class)
                                .settings())
                        .isEqualTo(new ProgrammeSettings(10, 90, 5, 12, Cadence.FORTNIGHTLY, false)));
    }

    @Test
    void anOutOfRangeDefaultStopsTheStartNamingTheKey() {
        context.withPropertyValues("maillage.workshop.programme-defaults.session-minutes=600")
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("maillage.workshop.programme-defaults")
                        .hasMessageContaining("sessionMinutes"));
    }

    @Test
    void aMinimumAboveTheMaximumStopsTheStart() {
        context.withPropertyValues("maillage.workshop.programme-defaults.min-participants=11")
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("min-participants (11) must not exceed")
                        .hasMessageContaining("max-participants (10)"));
    }

    @Test
    void aMisspeltKeyStopsTheStart() {
        context.withPropertyValues("maillage.workshop.programme-defaults.sessions-count=10")
                .run(started -> assertThat(started).hasFailed());
    }
}
