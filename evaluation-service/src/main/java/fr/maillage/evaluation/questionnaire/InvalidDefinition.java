package fr.maillage.evaluation.questionnaire;

import java.util.List;

/** A questionnaire definition that breaks a rule: the service refuses to start with it. */
public class InvalidDefinition extends RuntimeException {

    private final List<String> problems;

    public InvalidDefinition(String source, List<String> problems) {
        super("Questionnaire definition " + source + " is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidDefinition(String source, String problem, Throwable cause) {
        super("Questionnaire definition " + source + " is invalid: " + problem, cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}
