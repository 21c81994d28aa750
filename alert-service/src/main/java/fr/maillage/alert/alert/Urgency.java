package fr.maillage.alert.alert;

/**
 * How soon an alert must be answered, A (most urgent) to G. The scale is modelled on the UK Mental
 * Health Triage Scale (Sands et al., used by NHS crisis teams) and the Victorian Statewide Mental
 * Health Triage Scale (Department of Health, Victoria, Australia, 2010): a letter per level, each
 * with a response-time target and a typical response. The wording here is ours. Default targets
 * are in {@code maillage.alert.targets} and may be changed per territory.
 */
public enum Urgency {
    /** Current danger to life: emergency services now. */
    A,
    /** Very high risk of harm: a response within 4 hours. */
    B,
    /** High risk: within 24 hours. */
    C,
    /** Moderate risk: within 72 hours. */
    D,
    /** Low risk: within 4 weeks. */
    E,
    /** Needs orientation elsewhere; no face-to-face mental-health response. */
    F,
    /** Advice or information only. */
    G;

    /** True when this level is more urgent than {@code other}. */
    public boolean isMoreUrgentThan(Urgency other) {
        return ordinal() < other.ordinal();
    }
}
