package fr.maillage.workshop.group;

/** A group was asked for something its rules forbid; {@code rule} names the rule (a problem slug). */
public class GroupRuleViolation extends RuntimeException {

    private final String rule;

    public GroupRuleViolation(String rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
