package fr.maillage.workshop.attendance;

import java.util.Map;

/**
 * A recording that attendance rules refuse; nothing was changed. The service answers it as a
 * problem whose type is the rule.
 *
 * @see GroupAttendance#record
 */
public final class AttendanceRuleViolation extends RuntimeException {

    /** No mark in the recording (400). */
    public static final String NO_MARKS = "no-marks";
    /** The same person marked twice in one recording (400, {@code personRefs}). */
    public static final String DUPLICATE_MARKS = "duplicate-marks";
    /** The group has no session of that number (404). */
    public static final String UNKNOWN_SESSION = "unknown-session";
    /** The group is not OPEN or RUNNING (409, {@code currentState}). */
    public static final String GROUP_NOT_ACTIVE = "group-not-active";
    /** Too early: the session has not started (409, {@code recordableFrom}). */
    public static final String SESSION_NOT_STARTED = "session-not-started";
    /** Someone who is not a participant of the group (422, {@code personRefs}). */
    public static final String NOT_ENROLLED = "not-enrolled";

    private final String rule;
    private final Map<String, Object> details;

    AttendanceRuleViolation(String rule, String message, Map<String, Object> details) {
        super(message);
        this.rule = rule;
        this.details = Map.copyOf(details);
    }

    public String rule() {
        return rule;
    }

    /** Members to add to the problem, e.g. {@code personRefs}. */
    public Map<String, Object> details() {
        return details;
    }
}
