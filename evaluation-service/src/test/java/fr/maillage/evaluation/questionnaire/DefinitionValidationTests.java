package fr.maillage.evaluation.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A definition that breaks a rule is refused, naming what is wrong; the shipped ones pass. */
class DefinitionValidationTests {

    private static ObjectNode who5() {
        return ShippedDefinitions.tree(QuestionnaireCatalogue.WHO_5);
    }

    private static ObjectNode firstItem(ObjectNode tree) {
        return (ObjectNode) tree.get("items").get(0);
    }

    private static ObjectNode band(ObjectNode tree, int index) {
        return (ObjectNode) tree.get("bands").get(index);
    }

    private static List<String> problems(ObjectNode tree) {
        return ShippedDefinitions.parse(tree).problems();
    }

    @Test
    void theShippedDefinitionsHaveNoProblemAndMakeACatalogue() {
        List<QuestionnaireDefinition> shipped = List.of(
                ShippedDefinitions.who5(),
                ShippedDefinitions.workshopSatisfaction(),
                ShippedDefinitions.professionalSatisfaction());

        assertThat(shipped)
                .allSatisfy(definition -> assertThat(definition.problems()).isEmpty());
        QuestionnaireCatalogue catalogue =
                QuestionnaireCatalogue.of(shipped).requiring("who-5", "workshop-satisfaction");
        assertThat(catalogue.latest())
                .extracting(QuestionnaireDefinition::id)
                .containsExactly("professional-satisfaction", "who-5", "workshop-satisfaction");
        assertThat(catalogue.find("who-5", 1)).isPresent();
        assertThat(catalogue.find("who-5", 2)).isEmpty();
        assertThat(catalogue.find("wemwbs", null)).isEmpty();
    }

    @Test
    void aGapBetweenBandsIsRefused() {
        ObjectNode tree = who5();
        band(tree, 1).put("min", 14);

        assertThat(problems(tree)).containsExactly("bands: raw score 13 (52.0 %) falls in no band");
        assertThatThrownBy(() -> QuestionnaireCatalogue.of(List.of(ShippedDefinitions.parse(tree))))
                .isInstanceOf(InvalidDefinition.class)
                .hasMessageContaining("who-5 v1")
                .hasMessageContaining("raw score 13");
    }

    @Test
    void overlappingBandsAreRefused() {
        ObjectNode tree = who5();
        band(tree, 0).put("max", 13);

        assertThat(problems(tree))
                .containsExactly("bands: raw score 13 (52.0 %) falls in several bands [POOR_WELLBEING, ADEQUATE]");
    }

    @Test
    void anOptionValueOfferedTwiceAndAnItemIdUsedTwiceAreRefused() {
        ObjectNode tree = who5();
        ((ObjectNode) firstItem(tree).get("options").get(1)).put("value", 5);
        ((ObjectNode) tree.get("items").get(1)).put("id", "cheerful");

        assertThat(problems(tree))
                .contains(
                        "items[0].options[1]: value 5 is offered twice in item cheerful",
                        "item id cheerful is used twice");
    }

    @Test
    void anItemWithOneOptionOrABadIdIsRefused() {
        ObjectNode tree = who5();
        ArrayNode options = (ArrayNode) firstItem(tree).get("options");
        while (options.size() > 1) {
            options.remove(1);
        }
        ((ObjectNode) tree.get("items").get(1)).put("id", "Calm.Relaxed");

        assertThat(problems(tree))
                .contains("items[0] must offer at least two options")
                .anyMatch(problem -> problem.startsWith("items[1].id must match"));
    }

    @Test
    void aMultiplierThatTakesThePercentageAbove100IsRefused() {
        ObjectNode tree = who5();
        ((ObjectNode) tree.get("scoring")).put("percentMultiplier", 5);

        assertThat(problems(tree)).contains("scoring: the highest raw score 25 × 5.0 is above 100");
    }

    @Test
    void aRangeRuleWithAMultiplierOrAnUnknownMethodIsRefused() {
        ObjectNode tree = who5();
        ((ObjectNode) tree.get("scoring")).put("percent", "RANGE").put("method", "MEAN");

        assertThat(problems(tree))
                .contains(
                        "scoring.method must be SUM, not MEAN",
                        "scoring.percentMultiplier is only for percent MULTIPLIER");
    }

    @Test
    void aDefinitionWithoutLicenceNoteOrTitleOrVersionIsRefused() {
        ObjectNode tree = who5();
        tree.remove("licence");
        tree.put("title", " ");
        tree.put("version", 0);

        assertThat(problems(tree))
                .contains("licence is required", "title is required", "version must be 1 or more, not 0");
    }

    @Test
    void aProfessionalQuestionnaireTiedToAnEnrolmentIsRefused() {
        ObjectNode tree = ShippedDefinitions.tree(QuestionnaireCatalogue.PROFESSIONAL_SATISFACTION);
        tree.put("enrolment", "REQUIRED");

        assertThat(problems(tree))
                .containsExactly("a professional's questionnaire belongs to no enrolment (enrolment NONE)");
    }

    @Test
    void theIdDueIsReservedForThePathOfDueQuestionnaires() {
        ObjectNode tree = who5();
        tree.put("id", "due");

        assertThat(problems(tree)).containsExactly("id due is reserved");
    }

    @Test
    void aTranslationNamingAnUnknownItemIsRefused() {
        ObjectNode tree = who5();
        ((ObjectNode) tree.get("labels").get("fr").get("items")).put("sleep", "J'ai bien dormi");

        assertThat(problems(tree)).containsExactly("labels.fr.items names no item sleep");
    }

    @Test
    void aMisspeltFieldOrAWrongTypeOrTextThatIsNotJsonCannotBeRead() {
        ObjectNode misspelt = who5();
        misspelt.set("itemz", misspelt.get("items"));
        ObjectNode wrongType = who5();
        wrongType.put("version", "one");

        assertThatThrownBy(() -> ShippedDefinitions.parse(misspelt))
                .isInstanceOf(InvalidDefinition.class)
                .hasMessageContaining("itemz");
        assertThatThrownBy(() -> ShippedDefinitions.parse(wrongType)).isInstanceOf(InvalidDefinition.class);
        assertThatThrownBy(() -> QuestionnaireCatalogue.parse(
                        "broken.json", "{\"id\": \"who-5\",".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidDefinition.class)
                .hasMessageStartingWith("Questionnaire definition broken.json is invalid");
    }

    @Test
    void theSameVersionDefinedTwiceIsRefused() {
        assertThatThrownBy(
                        () -> QuestionnaireCatalogue.of(List.of(ShippedDefinitions.who5(), ShippedDefinitions.who5())))
                .isInstanceOf(InvalidDefinition.class)
                .hasMessageContaining("version 1 is defined twice");
    }

    @Test
    void aCatalogueWithoutTheQuestionnairesTheSchedulesNeedIsRefused() {
        QuestionnaireCatalogue onlyProfessional =
                QuestionnaireCatalogue.of(List.of(ShippedDefinitions.professionalSatisfaction()));

        assertThatThrownBy(() -> onlyProfessional.requiring("who-5", "workshop-satisfaction"))
                .isInstanceOf(InvalidDefinition.class)
                .hasMessageContaining("questionnaire who-5 is not defined")
                .hasMessageContaining("questionnaire workshop-satisfaction is not defined");
    }

    @Test
    void aLaterVersionIsTheLatestAndTheEarlierStaysReadable() {
        ObjectNode next = who5();
        next.put("version", 2);

        QuestionnaireCatalogue catalogue =
                QuestionnaireCatalogue.of(List.of(ShippedDefinitions.parse(next), ShippedDefinitions.who5()));

        assertThat(catalogue.latest("who-5"))
                .get()
                .extracting(QuestionnaireDefinition::version)
                .isEqualTo(2);
        assertThat(catalogue.find("who-5", 1))
                .get()
                .extracting(QuestionnaireDefinition::version)
                .isEqualTo(1);
        assertThat(catalogue.versions("who-5")).containsExactly(1, 2);
    }
}
