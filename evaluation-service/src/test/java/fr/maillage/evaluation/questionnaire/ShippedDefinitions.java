package fr.maillage.evaluation.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The definitions the service ships ({@code src/main/resources/questionnaires/}), read as the service reads them. */
final class ShippedDefinitions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ShippedDefinitions() {}

    static QuestionnaireDefinition who5() {
        return definition(QuestionnaireCatalogue.WHO_5);
    }

    static QuestionnaireDefinition workshopSatisfaction() {
        return definition(QuestionnaireCatalogue.WORKSHOP_SATISFACTION);
    }

    static QuestionnaireDefinition professionalSatisfaction() {
        return definition(QuestionnaireCatalogue.PROFESSIONAL_SATISFACTION);
    }

    static QuestionnaireDefinition definition(String id) {
        return QuestionnaireCatalogue.parse(id + ".json", bytes(id));
    }

    /** The JSON text of a shipped definition, as a tree to break on purpose. */
    static ObjectNode tree(String id) {
        return (ObjectNode) JSON.readTree(bytes(id));
    }

    /** A (broken) tree read back as the service reads a definition. */
    static QuestionnaireDefinition parse(ObjectNode tree) {
        return QuestionnaireCatalogue.parse("test", JSON.writeValueAsBytes(tree));
    }

    static byte[] bytes(String id) {
        try (InputStream in = ShippedDefinitions.class.getResourceAsStream("/questionnaires/" + id + ".json")) {
            if (in == null) {
                throw new IllegalStateException("No questionnaires/" + id + ".json on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
