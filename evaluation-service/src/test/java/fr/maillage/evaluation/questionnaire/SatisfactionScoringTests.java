package fr.maillage.evaluation.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our two satisfaction questionnaires: six items scored 1 to 4 (raw 6 to 24), percent = (raw − 6) / 18 × 100
 * to one decimal, below 50 % flags dissatisfaction.
 */
class SatisfactionScoringTests {

    private final QuestionnaireDefinition workshop = ShippedDefinitions.workshopSatisfaction();
    private final QuestionnaireDefinition professional = ShippedDefinitions.professionalSatisfaction();

    /** The same value to every item but the last, which gets {@code last}. */
    private static Map<String, Object> answers(QuestionnaireDefinition definition, int value, int last) {
        Map<String, Object> answers = new LinkedHashMap<>();
        definition.items().forEach(item -> answers.put(item.id(), value));
        answers.put(definition.items().getLast().id(), last);
        return answers;
    }

    @Test
    void stronglyDisagreeEverywhereIsRaw6AndZeroPercentFlagged() {
        assertThat(workshop.score(answers(workshop, 1, 1))).isEqualTo(new Score(6, 0.0, "DISSATISFIED", true));
    }

    @Test
    void stronglyAgreeEverywhereIsRaw24AndAHundredPercent() {
        assertThat(workshop.score(answers(workshop, 4, 4))).isEqualTo(new Score(24, 100.0, "SATISFIED", false));
    }

    @Test
    void halfwayIsSatisfiedAndOneStepBelowIsNot() {
        // 3+3+3+2+2+2 = 15 -> 9/18 = 50 %; 3+3+2+2+2+2 = 14 -> 8/18 = 44.4 %
        Map<String, Object> fifteen = answers(workshop, 2, 2);
        fifteen.put("welcome", 3);
        fifteen.put("listened", 3);
        fifteen.put("useful", 3);
        Map<String, Object> fourteen = answers(workshop, 2, 2);
        fourteen.put("welcome", 3);
        fourteen.put("listened", 3);

        assertThat(workshop.score(fifteen)).isEqualTo(new Score(15, 50.0, "SATISFIED", false));
        assertThat(workshop.score(fourteen)).isEqualTo(new Score(14, 44.4, "DISSATISFIED", true));
    }

    @Test
    void percentagesAreRoundedToOneDecimal() {
        assertThat(workshop.score(answers(workshop, 1, 2)).percent()).isEqualTo(5.6);
        assertThat(workshop.score(answers(workshop, 3, 3))).isEqualTo(new Score(18, 66.7, "SATISFIED", false));
    }

    @Test
    void theProfessionalQuestionnaireScoresOnTheSameScaleAndBelongsToNoEnrolment() {
        assertThat(professional.score(answers(professional, 4, 1))).isEqualTo(new Score(21, 83.3, "SATISFIED", false));
        assertThat(professional.score(answers(professional, 2, 1)))
                .isEqualTo(new Score(11, 27.8, "DISSATISFIED", true));
        assertThat(professional.respondent()).isEqualTo(QuestionnaireDefinition.Respondent.PROFESSIONAL);
        assertThat(professional.enrolment()).isEqualTo(QuestionnaireDefinition.EnrolmentRule.NONE);
        assertThat(workshop.enrolment()).isEqualTo(QuestionnaireDefinition.EnrolmentRule.REQUIRED);
        assertThat(workshop.timepoints()).containsExactly(Timepoint.END);
        assertThat(workshop.licence()).contains("own");
        assertThat(professional.licence()).contains("own");
    }

    @Test
    void everyReachableScoreFallsInOneBandWithTheFlagBelowHalf() {
        for (int raw : workshop.achievableRaws()) {
            double percent = workshop.percentOf(raw);
            assertThat(percent).isBetween(0.0, 100.0);
            assertThat(percent).isEqualTo(Math.round((raw - 6) * 1000.0 / 18) / 10.0);
        }
        assertThat(workshop.achievableRaws())
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(6, 24).boxed().toList());
    }
}
