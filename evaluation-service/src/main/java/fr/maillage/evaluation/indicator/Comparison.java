package fr.maillage.evaluation.indicator;

/** How a value meets its target. */
public enum Comparison {
    /** The value must be at least the threshold (e.g. "responded within target ≥ 90 %"). */
    AT_LEAST,
    /** The value must be at most the threshold (e.g. "disengagement ≤ 20 %"). */
    AT_MOST
}
