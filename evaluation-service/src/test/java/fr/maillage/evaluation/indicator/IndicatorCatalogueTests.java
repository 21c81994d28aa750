package fr.maillage.evaluation.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorCatalogueTests {

    @Test
    void theCatalogueHasTheContractsIdsByDomainInOrder() {
        assertThat(IndicatorCatalogue.all())
                .extracting(IndicatorDefinition::id)
                .containsExactly(
                        "referrals.by-status",
                        "referrals.by-source",
                        "referrals.acceptance-rate",
                        "referrals.median-time-to-answer",
                        "referrals.answered-within-target",
                        "alerts.by-urgency",
                        "alerts.responded-within-target",
                        "alerts.responded-within-target.A",
                        "alerts.responded-within-target.B",
                        "alerts.responded-within-target.C",
                        "alerts.responded-within-target.D",
                        "alerts.responded-within-target.E",
                        "alerts.median-time-to-qualification",
                        "alerts.escalated",
                        "alerts.feedback-to-emitter",
                        "workshops.fill-rate",
                        "workshops.attendance-rate",
                        "workshops.completion-rate",
                        "workshops.disengagement-rate",
                        "workshops.waitlist-length",
                        "meetings.held-vs-planned",
                        "meetings.mean-professions-present",
                        "meetings.actions-done-on-time",
                        "questionnaires.who5-change",
                        "questionnaires.participant-satisfaction",
                        "questionnaires.professional-satisfaction");
        assertThat(IndicatorCatalogue.all())
                .extracting(IndicatorDefinition::domain)
                .containsSubsequence("REFERRALS", "ALERTS", "WORKSHOPS", "MEETINGS", "QUESTIONNAIRES");
    }

    @Test
    void everyDefinitionSaysItsFormulaUnitAndSources() {
        for (IndicatorDefinition definition : IndicatorCatalogue.all()) {
            assertThat(definition.name()).as(definition.id()).isNotBlank();
            assertThat(definition.formula()).as(definition.id()).hasSizeGreaterThan(40);
            assertThat(definition.unit()).as(definition.id()).isNotNull();
            assertThat(definition.sourceEvents()).as(definition.id()).isNotEmpty();
            if (!definition.domain().equals(IndicatorCatalogue.QUESTIONNAIRES)) {
                assertThat(definition.sourceEvents()).as(definition.id()).allMatch(IndicatorEvents::projects);
            }
        }
    }

    @Test
    void theUnitsAreThoseOfTheContract() {
        assertThat(IndicatorCatalogue.get("referrals.median-time-to-answer").unit())
                .isEqualTo(Unit.HOURS);
        assertThat(IndicatorCatalogue.get("alerts.median-time-to-qualification").unit())
                .isEqualTo(Unit.MINUTES);
        assertThat(IndicatorCatalogue.get("meetings.mean-professions-present").unit())
                .isEqualTo(Unit.MEAN);
        assertThat(IndicatorCatalogue.get("questionnaires.who5-change").unit()).isEqualTo(Unit.POINTS);
        assertThat(List.of("referrals.by-status", "alerts.escalated", "workshops.waitlist-length"))
                .allMatch(id -> IndicatorCatalogue.get(id).unit() == Unit.COUNT);
    }
}
