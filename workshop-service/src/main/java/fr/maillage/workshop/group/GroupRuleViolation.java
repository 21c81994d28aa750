package fr.maillage.workshop.group;

/**
 * A group was asked for something its rules forbid; {@code rule} names the rule (a problem slug). A
 * malformed request (400) unless {@link #unprocessable}: well-formed but impossible now (422), such as a
 * session in the past.
 */
public class GroupRuleViolation extends RuntimeException {

    private final String rule;
    private final boolean unprocessable;

    public GroupRuleViolation(String rule, String detail) {
        this(rule, detail, false);
    }

    private GroupRuleViolation(String rule, String detail, boolean unprocessable) {
        super(detail);
        this.rule = rule;
        this.unprocessable = unprocessable;
    }

    /** Well-formed, but the rule forbids it at this time or in this state (answered 422). */
    public static GroupRuleViolation unprocessable(String rule, String detail) {
        return new GroupRuleViolation(rule, detail, true);
    }

    public String rule() {
        return rule;
    }

    public boolean isUnprocessable() {
        return unprocessable;
    }
}
