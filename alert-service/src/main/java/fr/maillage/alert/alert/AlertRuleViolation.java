package fr.maillage.alert.alert;

/**
 * A business rule of the circuit the request breaks; {@code rule} is the problem slug. A conflict with
 * the alert's state ({@code feedback-required}) answers 409, any other rule 422.
 */
public class AlertRuleViolation extends RuntimeException {

    public static final String OVERRIDE_REASON_REQUIRED = "override-reason-required";
    public static final String RESPONSE_LEVEL_NOT_APPLICABLE = "response-level-not-applicable";
    public static final String FEEDBACK_REQUIRED = "feedback-required";
    public static final String NO_LINKED_ALERT = "no-linked-alert";
    public static final String NO_PROPOSAL = "no-proposal";
    public static final String UNKNOWN_TEAM = "unknown-team";
    public static final String RESPONSE_TIME_INVALID = "response-time-invalid";

    private final String rule;
    private final boolean conflict;

    AlertRuleViolation(String rule, String detail, boolean conflict) {
        super(detail);
        this.rule = rule;
        this.conflict = conflict;
    }

    static AlertRuleViolation unprocessable(String rule, String detail) {
        return new AlertRuleViolation(rule, detail, false);
    }

    static AlertRuleViolation conflict(String rule, String detail) {
        return new AlertRuleViolation(rule, detail, true);
    }

    public String rule() {
        return rule;
    }

    /** True when the rule depends on the alert's state (409), false for a request the rules refuse (422). */
    public boolean isConflict() {
        return conflict;
    }
}
