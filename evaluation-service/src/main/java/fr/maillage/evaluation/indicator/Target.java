package fr.maillage.evaluation.indicator;

/**
 * A territory's target for one indicator, e.g. alerts responded within target ≥ 90 %.
 *
 * @param indicatorId the indicator it applies to
 * @param comparison at least or at most
 * @param threshold in the indicator's unit
 */
public record Target(String indicatorId, Comparison comparison, double threshold) {

    public boolean metBy(double value) {
        return comparison == Comparison.AT_LEAST ? value >= threshold : value <= threshold;
    }

    /** e.g. {@code ≥ 90} (the unit is the indicator's). */
    public String describe() {
        String number =
                threshold == Math.rint(threshold) ? String.valueOf((long) threshold) : String.valueOf(threshold);
        return (comparison == Comparison.AT_LEAST ? "≥ " : "≤ ") + number;
    }
}
