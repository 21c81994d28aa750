package fr.maillage.meeting.meeting;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A meeting was asked for something its rules forbid; {@code rule} names the rule (the problem's slug),
 * {@code kind} how it is answered, {@code properties} what the problem adds (e.g. the quorum's standing).
 */
public class MeetingRuleViolation extends RuntimeException {

    /** How the violation is answered. */
    public enum Kind {
        /** 400: the request is malformed. */
        BAD_REQUEST,
        /** 422: well-formed, but impossible (a start in the past, a consent missing). */
        UNPROCESSABLE,
        /** 409: not now, in this state of the meeting (quorum not reached, meeting not started). */
        CONFLICT
    }

    private final String rule;
    private final Kind kind;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public MeetingRuleViolation(Kind kind, String rule, String detail) {
        super(detail);
        this.kind = kind;
        this.rule = rule;
    }

    public static MeetingRuleViolation badRequest(String rule, String detail) {
        return new MeetingRuleViolation(Kind.BAD_REQUEST, rule, detail);
    }

    public static MeetingRuleViolation unprocessable(String rule, String detail) {
        return new MeetingRuleViolation(Kind.UNPROCESSABLE, rule, detail);
    }

    public static MeetingRuleViolation conflict(String rule, String detail) {
        return new MeetingRuleViolation(Kind.CONFLICT, rule, detail);
    }

    public MeetingRuleViolation with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public String rule() {
        return rule;
    }

    public Kind kind() {
        return kind;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
