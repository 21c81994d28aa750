package fr.maillage.evaluation.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.maillage.evaluation.questionnaire.QuestionnaireOutcomes.MeanScore;
import fr.maillage.evaluation.questionnaire.QuestionnaireOutcomes.PairedChange;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the indicators read: the mean WHO-5 change over the pairs (BASELINE and END of the same person and
 * enrolment) whose END was recorded in the window, and the mean score of a questionnaire's responses of the
 * window. Responses are recorded through the API at instants of the shared clock, moved a millisecond on to
 * open a window of this test's own.
 */
class QuestionnaireOutcomesIntegrationTests extends QuestionnaireIntegrationSupport {

    @Autowired
    QuestionnaireOutcomes outcomes;

    private Instant tick() {
        advanceTo(clock.instant().plusMillis(1));
        return clock.instant();
    }

    @Test
    void theWho5ChangeIsTheMeanOverPairsWhoseEndIsInTheWindow() {
        String improved = newId();
        String worsened = newId();
        String endOnly = newId();
        String baselineOnly = newId();
        String endAfterWindow = newId();
        String twoEnrolments = newId();
        Enrolments group = enrolInNewGroup(improved, worsened, endOnly, baselineOnly, endAfterWindow, twoEnrolments);
        Enrolments other = enrolInNewGroup(twoEnrolments);
        // Baselines, before the window.
        recorded(PSY, who5Body(improved, group.of(improved), Timepoint.BASELINE, 10)); // 40 %
        recorded(PSY, who5Body(worsened, group.of(worsened), Timepoint.BASELINE, 20)); // 80 %
        recorded(PSY, who5Body(baselineOnly, group.of(baselineOnly), Timepoint.BASELINE, 5));
        recorded(PSY, who5Body(endAfterWindow, group.of(endAfterWindow), Timepoint.BASELINE, 5));
        recorded(PSY, who5Body(twoEnrolments, other.of(twoEnrolments), Timepoint.BASELINE, 25));
        Instant from = tick();
        recorded(IDE, who5Body(improved, group.of(improved), Timepoint.END, 15)); // 60 %: +20
        recorded(IDE, who5Body(worsened, group.of(worsened), Timepoint.END, 18)); // 72 %: -8
        recorded(IDE, who5Body(endOnly, group.of(endOnly), Timepoint.END, 25));
        // Its baseline was for another enrolment: no pair.
        recorded(IDE, who5Body(twoEnrolments, group.of(twoEnrolments), Timepoint.END, 0));
        Instant to = tick();
        recorded(IDE, who5Body(endAfterWindow, group.of(endAfterWindow), Timepoint.END, 25));

        PairedChange change = outcomes.who5Change(BIEVRE, from, to);

        assertThat(change.pairs()).isEqualTo(2);
        assertThat(change.meanChange()).isCloseTo(6.0, within(1e-9));
        assertThat(outcomes.who5Change("lyon-nord", from, to)).isEqualTo(new PairedChange(0, null));
        assertThat(outcomes.who5Change(BIEVRE, to.plusSeconds(3600), to.plusSeconds(7200)))
                .isEqualTo(new PairedChange(0, null));
        PairedChange later = outcomes.who5Change(BIEVRE, to, tick());
        assertThat(later.pairs()).isEqualTo(1);
        assertThat(later.meanChange()).isCloseTo(80.0, within(1e-9));

        // An erased person's pair no longer counts.
        awaitConsumed(QUESTIONNAIRES_GROUP, personErased(worsened));
        PairedChange afterErasure = outcomes.who5Change(BIEVRE, from, to);
        assertThat(afterErasure.pairs()).isEqualTo(1);
        assertThat(afterErasure.meanChange()).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void theMeanScoreOfAQuestionnaireIsOverItsResponsesOfTheWindowAndTerritory() {
        String first = newId();
        String second = newId();
        Enrolments group = enrolInNewGroup(first, second);
        Instant from = tick();
        for (Map.Entry<String, Integer> answered : Map.of(first, 4, second, 2).entrySet()) {
            recorded(
                    PSY,
                    body(
                            "questionnaireId",
                            "workshop-satisfaction",
                            "personRef",
                            answered.getKey(),
                            "enrolmentId",
                            group.of(answered.getKey()),
                            "territory",
                            BIEVRE,
                            "answers",
                            satisfaction("workshop-satisfaction", answered.getValue())));
        }
        Instant to = tick();

        MeanScore mean = outcomes.meanScore("workshop-satisfaction", BIEVRE, from, to);

        // 100 % and (12 - 6) / 18 = 33.3 %
        assertThat(mean.n()).isEqualTo(2);
        assertThat(mean.mean()).isCloseTo((100.0 + 33.3) / 2, within(1e-9));
        assertThat(outcomes.meanScore("workshop-satisfaction", BIEVRE, to, to.plus(Duration.ofHours(1))))
                .isEqualTo(new MeanScore(0, null));
        assertThat(outcomes.meanScore("professional-satisfaction", BIEVRE, from, to))
                .isEqualTo(new MeanScore(0, null));
    }
}
