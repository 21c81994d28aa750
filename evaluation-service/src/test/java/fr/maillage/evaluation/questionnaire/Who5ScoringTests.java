package fr.maillage.evaluation.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The WHO-5 as shipped: official wording, raw 0–25, percent = raw × 4, raw below 13 flags poor well-being. */
class Who5ScoringTests {

    private final QuestionnaireDefinition who5 = ShippedDefinitions.who5();

    /** Five answers (cheerful, calm, active, rested, interest). */
    private static Map<String, Object> answers(int cheerful, int calm, int active, int rested, int interest) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("cheerful", cheerful);
        answers.put("calm", calm);
        answers.put("active", active);
        answers.put("rested", rested);
        answers.put("interest", interest);
        return answers;
    }

    @Test
    void noneOfTheTimeEverywhereIsRawZeroPercentZeroAndFlagsPoorWellbeing() {
        Score score = who5.score(answers(0, 0, 0, 0, 0));

        assertThat(score).isEqualTo(new Score(0, 0.0, "POOR_WELLBEING", true));
    }

    @Test
    void allOfTheTimeEverywhereIsRaw25Percent100AndAdequate() {
        Score score = who5.score(answers(5, 5, 5, 5, 5));

        assertThat(score).isEqualTo(new Score(25, 100.0, "ADEQUATE", false));
    }

    @Test
    void raw12IsTheHighestPoorWellbeingScore() {
        Score score = who5.score(answers(3, 3, 2, 2, 2));

        assertThat(score).isEqualTo(new Score(12, 48.0, "POOR_WELLBEING", true));
    }

    @Test
    void raw13IsTheLowestAdequateScore() {
        Score score = who5.score(answers(3, 3, 3, 2, 2));

        assertThat(score).isEqualTo(new Score(13, 52.0, "ADEQUATE", false));
    }

    @Test
    void everyRawScoreIsTheSumTimesFourAndFlaggedExactlyBelow13() {
        assertThat(who5.achievableRaws()).hasSize(26).first().isEqualTo(0);
        for (int raw = 0; raw <= 25; raw++) {
            int[] values = new int[5];
            int left = raw;
            for (int i = 0; i < 5; i++) {
                values[i] = Math.min(5, left);
                left -= values[i];
            }
            Score score = who5.score(answers(values[0], values[1], values[2], values[3], values[4]));

            assertThat(score.raw()).isEqualTo(raw);
            assertThat(score.percent()).isEqualTo(raw * 4.0);
            assertThat(score.flag()).as("raw %d flagged", raw).isEqualTo(raw < 13);
            assertThat(score.band()).isEqualTo(raw < 13 ? "POOR_WELLBEING" : "ADEQUATE");
        }
    }

    @Test
    void theSameTotalScoresTheSameWhicheverItemsMakeIt() {
        assertThat(who5.score(answers(5, 5, 3, 0, 0))).isEqualTo(who5.score(answers(0, 1, 2, 5, 5)));
    }

    @Test
    void itemsHaveTheOfficialEnglishWordingAndSixOptionsFromAllOfTheTimeToAtNoTime() {
        assertThat(who5.items())
                .extracting(QuestionnaireDefinition.Item::text)
                .containsExactly(
                        "I have felt cheerful and in good spirits",
                        "I have felt calm and relaxed",
                        "I have felt active and vigorous",
                        "I woke up feeling fresh and rested",
                        "My daily life has been filled with things that interest me");
        assertThat(who5.items())
                .allSatisfy(item -> assertThat(item.options())
                        .extracting(QuestionnaireDefinition.Option::label, QuestionnaireDefinition.Option::score)
                        .containsExactly(
                                tuple("All of the time", 5),
                                tuple("Most of the time", 4),
                                tuple("More than half of the time", 3),
                                tuple("Less than half of the time", 2),
                                tuple("Some of the time", 1),
                                tuple("At no time", 0)));
        assertThat(who5.timepoints()).containsExactly(Timepoint.BASELINE, Timepoint.END, Timepoint.FOLLOW_UP_3M);
        assertThat(who5.licence()).contains("public domain");
        assertThat(who5.labels().get("fr").items())
                .containsOnlyKeys(who5.items().stream()
                        .map(QuestionnaireDefinition.Item::id)
                        .toList());
        assertThat(List.of(who5.minRaw(), who5.maxRaw())).containsExactly(0, 25);
    }
}
