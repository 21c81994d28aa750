package fr.maillage.evaluation.indicator;

/** What an indicator's value counts or measures. */
public enum Unit {
    /** A number of cases (referrals, alerts, people waiting...). */
    COUNT,
    /** A share, 0 to 100. */
    PERCENT,
    /** A duration in hours (e.g. a median time to answer). */
    HOURS,
    /** A duration in minutes (e.g. a median time to qualification). */
    MINUTES,
    /** A mean of small numbers (e.g. professions present at a meeting). */
    MEAN,
    /** A difference of scores, in points of the questionnaire's percentage scale. */
    POINTS
}
