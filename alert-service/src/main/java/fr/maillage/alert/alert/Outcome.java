package fr.maillage.alert.alert;

/** Why an alert was closed. {@link #DUPLICATE} closes an alert linked to others from any open status. */
public enum Outcome {
    RESOLVED,
    ORIENTED_ELSEWHERE,
    EMERGENCY_SERVICES_TOOK_OVER,
    ALREADY_IN_CARE,
    NO_ACTION_NEEDED,
    UNREACHABLE,
    DUPLICATE
}
