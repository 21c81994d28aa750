package fr.maillage.workshop.group;

import java.util.List;

/**
 * The two people who co-facilitate a session or a group: never one, and never the same person
 * counted twice (a substitute replaces one of them, the pair stays two).
 */
public record Facilitators(Facilitator first, Facilitator second) {

    public static final String RULE = "two-distinct-facilitators";

    public Facilitators {
        if (first == null || second == null) {
            throw new GroupRuleViolation(
                    RULE, "A workshop group is co-facilitated by exactly two distinct facilitators: one is missing.");
        }
        if (first.id().equals(second.id())) {
            throw new GroupRuleViolation(
                    RULE,
                    "A workshop group is co-facilitated by exactly two distinct facilitators: "
                            + "the same facilitator is named twice.");
        }
    }

    /** Two distinct facilitators from a list, else {@link GroupRuleViolation}. */
    public static Facilitators of(List<Facilitator> facilitators) {
        if (facilitators == null || facilitators.size() != 2) {
            throw new GroupRuleViolation(
                    RULE,
                    "A workshop group is co-facilitated by exactly two distinct facilitators; "
                            + (facilitators == null ? "none" : facilitators.size()) + " given.");
        }
        return new Facilitators(facilitators.get(0), facilitators.get(1));
    }

    public List<Facilitator> asList() {
        return List.of(first, second);
    }

    public List<String> ids() {
        return List.of(first.id(), second.id());
    }

    public boolean includes(String userId) {
        return first.id().equals(userId) || second.id().equals(userId);
    }
}
