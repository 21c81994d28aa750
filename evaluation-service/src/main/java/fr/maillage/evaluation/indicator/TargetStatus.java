package fr.maillage.evaluation.indicator;

/** Where an indicator stands against its target in a period. */
public enum TargetStatus {
    /** The value meets the target. */
    MET,
    /** The period is still open and the value does not meet the target yet. */
    AT_RISK,
    /** The period is closed and the value did not meet the target. */
    MISSED,
    /** The territory has no target for this indicator. */
    NO_TARGET,
    /** Nothing to measure in the period (no case), so no status. */
    NO_DATA;

    /** The status of {@code value} (null: no data) against {@code target} (null: none) in an open or closed period. */
    public static TargetStatus of(Double value, Target target, boolean periodClosed) {
        if (target == null) {
            return NO_TARGET;
        }
        if (value == null) {
            return NO_DATA;
        }
        if (target.metBy(value)) {
            return MET;
        }
        return periodClosed ? MISSED : AT_RISK;
    }
}
