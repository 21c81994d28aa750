package fr.maillage.workshop.group;

/**
 * One of the two people leading a session, by user id (the token's {@code sub}) and profession (e.g.
 * {@code clinical-psychologist}, {@code nurse}): the pair is chosen for its mix of professions.
 */
public record Facilitator(String id, String profession) {

    public Facilitator {
        if (id == null || id.isBlank()) {
            throw new GroupRuleViolation(
                    Facilitators.RULE,
                    "A workshop group is co-facilitated by exactly two distinct facilitators: a facilitator id is blank.");
        }
        if (profession == null || profession.isBlank()) {
            throw new GroupRuleViolation(
                    "facilitator-profession", "Facilitator " + id + " needs a profession (e.g. nurse).");
        }
        id = id.trim();
        profession = profession.trim();
    }
}
