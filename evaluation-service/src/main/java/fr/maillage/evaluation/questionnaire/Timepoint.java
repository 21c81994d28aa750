package fr.maillage.evaluation.questionnaire;

/** When in a person's path a questionnaire is answered. */
public enum Timepoint {
    /** At the start (a workshop enrolment confirmed). */
    BASELINE,
    /** At the end (a workshop completed). */
    END,
    /** Three months after the end (configurable). */
    FOLLOW_UP_3M
}
