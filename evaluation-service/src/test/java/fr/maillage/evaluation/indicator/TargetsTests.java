package fr.maillage.evaluation.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class TargetsTests {

    @Test
    void aTerritorysOwnTargetReplacesTheDefault() {
        Targets targets = new Targets(List.of(new Target("workshops.fill-rate", Comparison.AT_LEAST, 75)));

        assertThat(targets.with(List.of(new Target("workshops.fill-rate", Comparison.AT_LEAST, 60))))
                .containsEntry("workshops.fill-rate", new Target("workshops.fill-rate", Comparison.AT_LEAST, 60));
        assertThat(targets.with(List.of(new Target("alerts.escalated", Comparison.AT_MOST, 3))))
                .containsOnlyKeys("workshops.fill-rate", "alerts.escalated");
    }

    @Test
    void aDefaultTargetOfAnUnknownIndicatorIsRefused() {
        assertThatThrownBy(() -> new Targets(List.of(new Target("alerts.responded-in-time", Comparison.AT_LEAST, 90))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown indicator 'alerts.responded-in-time'");
    }

    @Test
    void aThresholdMustMakeSenseInItsUnit() {
        assertThat(Targets.problem(IndicatorCatalogue.get("workshops.fill-rate"), Comparison.AT_LEAST, 101))
                .isPresent();
        assertThat(Targets.problem(IndicatorCatalogue.get("workshops.fill-rate"), Comparison.AT_LEAST, 100))
                .isEmpty();
        assertThat(Targets.problem(IndicatorCatalogue.get("alerts.escalated"), Comparison.AT_MOST, -1))
                .isPresent();
        assertThat(Targets.problem(IndicatorCatalogue.get("questionnaires.who5-change"), Comparison.AT_LEAST, -5))
                .isEmpty();
        assertThat(Targets.problem(
                        IndicatorCatalogue.get("referrals.median-time-to-answer"), Comparison.AT_MOST, Double.NaN))
                .isPresent();
        assertThat(Targets.problem(IndicatorCatalogue.get("workshops.fill-rate"), null, 50))
                .isPresent();
        assertThatThrownBy(() -> new Targets(List.of(new Target("workshops.fill-rate", Comparison.AT_LEAST, 750))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theConfiguredDefaultTargetsAreValidAndThoseOfTheContract() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        IndicatorsProperties properties = new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("maillage.evaluation.indicators", IndicatorsProperties.class);

        Targets targets = new Targets(properties.defaultTargets().stream()
                .map(IndicatorsProperties.DefaultTarget::toTarget)
                .toList());

        assertThat(targets.defaults()).hasSize(11);
        assertThat(targets.defaults().get("alerts.responded-within-target"))
                .isEqualTo(new Target("alerts.responded-within-target", Comparison.AT_LEAST, 90));
        assertThat(targets.defaults().get("workshops.disengagement-rate"))
                .isEqualTo(new Target("workshops.disengagement-rate", Comparison.AT_MOST, 20));
        assertThat(properties.consumerGroup()).isEqualTo("evaluation-indicators");
        assertThat(properties.topics().all())
                .containsExactly("referral.events.v1", "alert.events.v1", "workshop.events.v1", "meeting.events.v1");
        assertThat(properties.rebuild().batchSize()).isEqualTo(5000);
    }
}
