package fr.maillage.evaluation.questionnaire;

/** Whether a due questionnaire was answered. */
public enum DueStatus {
    DUE,
    ANSWERED
}
