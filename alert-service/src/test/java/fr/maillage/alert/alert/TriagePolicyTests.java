package fr.maillage.alert.alert;

import static fr.maillage.alert.alert.RiskFactor.CARE_DISRUPTION;
import static fr.maillage.alert.alert.RiskFactor.DEPENDANTS_AT_RISK;
import static fr.maillage.alert.alert.RiskFactor.INTOXICATION;
import static fr.maillage.alert.alert.RiskFactor.ISOLATION;
import static fr.maillage.alert.alert.RiskFactor.NO_SUPPORT;
import static fr.maillage.alert.alert.RiskFactor.PSYCHOTIC_SYMPTOMS;
import static fr.maillage.alert.alert.RiskFactor.REFUSAL_OF_CARE;
import static fr.maillage.alert.alert.RiskFactor.SEVERE_AGITATION;
import static fr.maillage.alert.alert.RiskFactor.SUICIDAL_IDEATION;
import static fr.maillage.alert.alert.RiskFactor.SUICIDE_PLAN_OR_ATTEMPT;
import static fr.maillage.alert.alert.RiskFactor.VIOLENCE_TO_OTHERS;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.alert.alert.TriagePolicy.Suggestion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule of the triage table, plus the order in which rules are tried. */
class TriagePolicyTests {

    private static Suggestion suggest(RiskFactor... risks) {
        return TriagePolicy.suggest(List.of(risks));
    }

    @Test
    void aSuicidePlanWithIntoxicationIsImminentDangerUrgencyA() {
        assertThat(suggest(SUICIDE_PLAN_OR_ATTEMPT, INTOXICATION))
                .isEqualTo(new Suggestion(Urgency.A, "imminent-danger"));
    }

    @Test
    void aSuicidePlanWithSevereAgitationIsImminentDangerUrgencyA() {
        assertThat(suggest(SEVERE_AGITATION, SUICIDE_PLAN_OR_ATTEMPT))
                .isEqualTo(new Suggestion(Urgency.A, "imminent-danger"));
    }

    @Test
    void violenceWithSevereAgitationIsImminentDangerUrgencyA() {
        assertThat(suggest(VIOLENCE_TO_OTHERS, SEVERE_AGITATION))
                .isEqualTo(new Suggestion(Urgency.A, "imminent-danger"));
    }

    @Test
    void aSuicidePlanOrAttemptAloneIsUrgencyB() {
        assertThat(suggest(SUICIDE_PLAN_OR_ATTEMPT)).isEqualTo(new Suggestion(Urgency.B, "suicide-plan-or-attempt"));
        assertThat(suggest(SUICIDE_PLAN_OR_ATTEMPT, NO_SUPPORT, SUICIDAL_IDEATION))
                .isEqualTo(new Suggestion(Urgency.B, "suicide-plan-or-attempt"));
    }

    @Test
    void violenceToOthersWithoutAgitationIsUrgencyB() {
        assertThat(suggest(VIOLENCE_TO_OTHERS, INTOXICATION))
                .isEqualTo(new Suggestion(Urgency.B, "violence-to-others"));
    }

    @Test
    void suicidalIdeationWithoutSupportIsUrgencyB() {
        assertThat(suggest(SUICIDAL_IDEATION, NO_SUPPORT))
                .isEqualTo(new Suggestion(Urgency.B, "suicidal-ideation-without-support"));
    }

    @Test
    void suicidalIdeationWithIsolationOrIntoxicationIsUrgencyB() {
        assertThat(suggest(SUICIDAL_IDEATION, ISOLATION).rule()).isEqualTo("suicidal-ideation-without-support");
        assertThat(suggest(INTOXICATION, SUICIDAL_IDEATION).rule()).isEqualTo("suicidal-ideation-without-support");
    }

    @Test
    void severeAgitationOrPsychoticSymptomsAreAcuteSymptomsUrgencyC() {
        assertThat(suggest(SEVERE_AGITATION)).isEqualTo(new Suggestion(Urgency.C, "acute-symptoms"));
        assertThat(suggest(PSYCHOTIC_SYMPTOMS, CARE_DISRUPTION)).isEqualTo(new Suggestion(Urgency.C, "acute-symptoms"));
    }

    @Test
    void acuteSymptomsComeBeforeSuicidalIdeationAlone() {
        assertThat(suggest(SUICIDAL_IDEATION, PSYCHOTIC_SYMPTOMS).rule()).isEqualTo("acute-symptoms");
    }

    @Test
    void suicidalIdeationWithSupportIsUrgencyC() {
        assertThat(suggest(SUICIDAL_IDEATION)).isEqualTo(new Suggestion(Urgency.C, "suicidal-ideation"));
        assertThat(suggest(SUICIDAL_IDEATION, DEPENDANTS_AT_RISK).rule()).isEqualTo("suicidal-ideation");
    }

    @Test
    void dependantsAtRiskIsUrgencyC() {
        assertThat(suggest(DEPENDANTS_AT_RISK, ISOLATION)).isEqualTo(new Suggestion(Urgency.C, "dependants-at-risk"));
    }

    @Test
    void intoxicationAloneIsUrgencyD() {
        assertThat(suggest(INTOXICATION, REFUSAL_OF_CARE)).isEqualTo(new Suggestion(Urgency.D, "intoxication"));
    }

    @Test
    void refusalOfCareIsAnAllerVersAnswerUrgencyD() {
        assertThat(suggest(REFUSAL_OF_CARE, ISOLATION)).isEqualTo(new Suggestion(Urgency.D, "refusal-of-care"));
    }

    @Test
    void careDisruptionIsolationOrNoSupportAreUrgencyE() {
        assertThat(suggest(CARE_DISRUPTION)).isEqualTo(new Suggestion(Urgency.E, "care-disruption"));
        assertThat(suggest(ISOLATION)).isEqualTo(new Suggestion(Urgency.E, "care-disruption"));
        assertThat(suggest(NO_SUPPORT)).isEqualTo(new Suggestion(Urgency.E, "care-disruption"));
    }

    @Test
    void noRiskFactorIsAdviceUrgencyG() {
        assertThat(suggest()).isEqualTo(new Suggestion(Urgency.G, "no-risk-factor"));
        assertThat(TriagePolicy.suggest(null)).isEqualTo(new Suggestion(Urgency.G, "no-risk-factor"));
    }

    @Test
    void theRulesAreTriedInTheOrderOfTheTable() {
        assertThat(TriagePolicy.rules())
                .extracting(TriagePolicy.Rule::name)
                .containsExactly(
                        "imminent-danger",
                        "suicide-plan-or-attempt",
                        "violence-to-others",
                        "suicidal-ideation-without-support",
                        "acute-symptoms",
                        "suicidal-ideation",
                        "dependants-at-risk",
                        "intoxication",
                        "refusal-of-care",
                        "care-disruption",
                        "no-risk-factor");
    }

    @Test
    void everyCombinationOfRiskFactorsGetsASuggestion() {
        RiskFactor[] all = RiskFactor.values();
        for (int mask = 0; mask < 1 << all.length; mask++) {
            List<RiskFactor> risks = new java.util.ArrayList<>();
            for (int i = 0; i < all.length; i++) {
                if ((mask & 1 << i) != 0) {
                    risks.add(all[i]);
                }
            }
            Suggestion suggestion = TriagePolicy.suggest(risks);
            assertThat(suggestion.urgency()).isNotNull();
            // Nothing in the table ever suggests F: orientation elsewhere is a professional's decision.
            assertThat(suggestion.urgency()).isNotEqualTo(Urgency.F);
        }
    }
}
