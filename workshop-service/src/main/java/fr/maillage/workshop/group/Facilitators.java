package fr.maillage.workshop.group;

import java.util.List;

/**
 * The two people who co-facilitate a group (identified by their user id, the token's {@code sub}):
 * every session is led by two facilitators, never one, and never the same person counted twice.
 */
public record Facilitators(String first, String second) {

    public static final String RULE = "two-distinct-facilitators";

    public Facilitators {
        if (first == null || first.isBlank() || second == null || second.isBlank()) {
            throw new GroupRuleViolation(
                    RULE,
                    "A workshop group is co-facilitated by exactly two distinct facilitators: "
                            + "a facilitator id is blank.");
        }
        if (first.equals(second)) {
            throw new GroupRuleViolation(
                    RULE,
                    "A workshop group is co-facilitated by exactly two distinct facilitators: "
                            + "the same facilitator is named twice.");
        }
    }

    /** Two distinct facilitators from a list, else {@link GroupRuleViolation}. */
    public static Facilitators of(List<String> ids) {
        if (ids == null || ids.size() != 2) {
            throw new GroupRuleViolation(
                    RULE,
                    "A workshop group is co-facilitated by exactly two distinct facilitators; "
                            + (ids == null ? "none" : ids.size()) + " given.");
        }
        return new Facilitators(ids.get(0), ids.get(1));
    }

    public List<String> ids() {
        return List.of(first, second);
    }

    public boolean includes(String userId) {
        return first.equals(userId) || second.equals(userId);
    }
}
