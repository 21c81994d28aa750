package fr.maillage.meeting.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

class QuorumPropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(MeetingRulesConfiguration.class);

    @Test
    void theQuorumIsThreeProfessionsByDefault() {
        context.run(started ->
                assertThat(started.getBean(Quorum.class).minProfessions()).isEqualTo(3));
    }

    @Test
    void theQuorumIsConfiguredUnderMaillageMeetingQuorum() {
        context.withPropertyValues("maillage.meeting.quorum.min-professions=4")
                .run(started -> assertThat(started.getBean(Quorum.class).minProfessions())
                        .isEqualTo(4));
    }

    @Test
    void aQuorumBelowOneStopsTheStart() {
        context.withPropertyValues("maillage.meeting.quorum.min-professions=0")
                .run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("minProfessions"));
    }
}
