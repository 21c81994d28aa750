package fr.maillage.evaluation.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Answers are checked against the definition: every item answered, with one of its values, and nothing else. */
class AnswerValidationTests {

    private final QuestionnaireDefinition who5 = ShippedDefinitions.who5();

    private static Map<String, Object> complete() {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("cheerful", 3);
        answers.put("calm", 2);
        answers.put("active", 4);
        answers.put("rested", 1);
        answers.put("interest", 5);
        return answers;
    }

    @Test
    void completeAnswersWithOfferedValuesHaveNoFault() {
        assertThat(who5.faults(complete())).isEmpty();
        assertThat(who5.normalise(complete()))
                .containsExactly(
                        Map.entry("cheerful", 3),
                        Map.entry("calm", 2),
                        Map.entry("active", 4),
                        Map.entry("rested", 1),
                        Map.entry("interest", 5));
    }

    @Test
    void anItemLeftOutOrAnsweredWithNullIsMissing() {
        Map<String, Object> answers = complete();
        answers.remove("calm");
        answers.put("rested", null);

        assertThat(who5.faults(answers))
                .extracting(AnswerFault::item, AnswerFault::fault)
                .containsExactly(tuple("calm", "missing"), tuple("rested", "missing"));
    }

    @Test
    void anItemTheQuestionnaireDoesNotHaveIsRefused() {
        Map<String, Object> answers = complete();
        answers.put("sleep", 3);

        assertThat(who5.faults(answers))
                .containsExactly(new AnswerFault("sleep", "unknown-item", "The questionnaire has no item sleep."));
    }

    @Test
    void aValueOutsideTheOptionsOrNotAWholeNumberIsInvalid() {
        for (Object wrong :
                List.<Object>of(6, -1, "3", 2.5, 3.0, true, List.of(3), Map.of("value", 3), 4_000_000_000L)) {
            Map<String, Object> answers = complete();
            answers.put("active", wrong);

            assertThat(who5.faults(answers))
                    .as("active = %s", wrong)
                    .containsExactly(new AnswerFault(
                            "active",
                            "invalid-value",
                            "Item active takes one of the values [0, 1, 2, 3, 4, 5] (a whole number)."));
        }
    }

    @Test
    void aWholeNumberOfAnotherJavaTypeIsAccepted() {
        Map<String, Object> answers = complete();
        answers.put("active", 4L);
        answers.put("calm", java.math.BigInteger.TWO);

        assertThat(who5.faults(answers)).isEmpty();
        assertThat(who5.score(answers).raw()).isEqualTo(15);
    }

    @Test
    void everyFaultIsListedInTheItemsOrderThenTheUnknownItems() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("zzz", 1);
        answers.put("interest", 9);
        answers.put("aaa", 1);

        assertThat(who5.faults(answers))
                .extracting(AnswerFault::item, AnswerFault::fault)
                .containsExactly(
                        tuple("cheerful", "missing"),
                        tuple("calm", "missing"),
                        tuple("active", "missing"),
                        tuple("rested", "missing"),
                        tuple("interest", "invalid-value"),
                        tuple("aaa", "unknown-item"),
                        tuple("zzz", "unknown-item"));
        assertThat(who5.faults(null)).hasSize(5).allMatch(fault -> fault.fault().equals("missing"));
    }

    @Test
    void aVeryLongUnknownItemIsCutInTheFault() {
        Map<String, Object> answers = complete();
        answers.put("x".repeat(500), 1);

        assertThat(who5.faults(answers).getFirst().item()).hasSize(65).endsWith("…");
    }

    @Test
    void answersWithFaultsAreNeverScored() {
        Map<String, Object> answers = complete();
        answers.put("calm", 7);

        assertThatThrownBy(() -> who5.score(answers)).isInstanceOf(IllegalArgumentException.class);
    }
}
