package fr.maillage.evaluation.questionnaire;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The questionnaires the service knows, every version of each, read from JSON definitions and checked
 * before use: one broken definition (unreadable JSON, an unknown field, a rule broken) refuses the whole
 * catalogue, so the service does not start with it.
 */
public final class QuestionnaireCatalogue {

    /** The WHO-5 Well-Being Index: due at a workshop's start, end and follow-up. */
    public static final String WHO_5 = "who-5";

    /** Participant satisfaction after a workshop (ours): due at a workshop's end. */
    public static final String WORKSHOP_SATISFACTION = "workshop-satisfaction";

    /** Professional satisfaction with the pluriprofessional work (ours). */
    public static final String PROFESSIONAL_SATISFACTION = "professional-satisfaction";

    /** Strict: a misspelt field in a definition is an error, not a silently missing rule. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** id -> version -> definition. */
    private final Map<String, TreeMap<Integer, QuestionnaireDefinition>> definitions;

    private QuestionnaireCatalogue(Map<String, TreeMap<Integer, QuestionnaireDefinition>> definitions) {
        this.definitions = definitions;
    }

    /**
     * A catalogue of checked definitions.
     *
     * @throws InvalidDefinition naming the first definition that breaks a rule, or one version given twice
     */
    public static QuestionnaireCatalogue of(Collection<QuestionnaireDefinition> definitions) {
        Map<String, TreeMap<Integer, QuestionnaireDefinition>> byId = new TreeMap<>();
        for (QuestionnaireDefinition definition : definitions) {
            String name = definition.id() + " v" + definition.version();
            List<String> problems = definition.problems();
            if (!problems.isEmpty()) {
                throw new InvalidDefinition(name, problems);
            }
            QuestionnaireDefinition twice = byId.computeIfAbsent(definition.id(), id -> new TreeMap<>())
                    .putIfAbsent(definition.version(), definition);
            if (twice != null) {
                throw new InvalidDefinition(name, List.of("version " + definition.version() + " is defined twice"));
            }
        }
        return new QuestionnaireCatalogue(byId);
    }

    /**
     * Reads one definition from its JSON text.
     *
     * @param source where it comes from (for the message)
     * @throws InvalidDefinition when it is not JSON, has an unknown field or a value of the wrong type
     */
    public static QuestionnaireDefinition parse(String source, byte[] json) {
        try {
            QuestionnaireDefinition definition = JSON.readValue(json, QuestionnaireDefinition.class);
            if (definition == null) {
                throw new InvalidDefinition(source, List.of("it is empty"));
            }
            return definition;
        } catch (JacksonException e) {
            throw new InvalidDefinition(source, e.getOriginalMessage(), e);
        }
    }

    /**
     * Fails unless each of these questionnaires is defined (the schedules need them).
     *
     * @throws InvalidDefinition naming what is missing
     */
    public QuestionnaireCatalogue requiring(String... ids) {
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            if (!definitions.containsKey(id)) {
                missing.add("questionnaire " + id + " is not defined, and the schedules need it");
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidDefinition("catalogue", missing);
        }
        return this;
    }

    /** The latest version of each questionnaire, by id. */
    public List<QuestionnaireDefinition> latest() {
        return definitions.values().stream()
                .map(versions -> versions.lastEntry().getValue())
                .sorted(Comparator.comparing(QuestionnaireDefinition::id))
                .toList();
    }

    /** The latest version of a questionnaire. */
    public Optional<QuestionnaireDefinition> latest(String id) {
        TreeMap<Integer, QuestionnaireDefinition> versions = definitions.get(id);
        return versions == null
                ? Optional.empty()
                : Optional.of(versions.lastEntry().getValue());
    }

    /** A version of a questionnaire; the latest when {@code version} is null. */
    public Optional<QuestionnaireDefinition> find(String id, Integer version) {
        if (version == null) {
            return latest(id);
        }
        TreeMap<Integer, QuestionnaireDefinition> versions = definitions.get(id);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    /** The versions of a questionnaire, oldest first (empty if unknown). */
    public List<Integer> versions(String id) {
        TreeMap<Integer, QuestionnaireDefinition> versions = definitions.get(id);
        return versions == null ? List.of() : List.copyOf(versions.keySet());
    }
}
