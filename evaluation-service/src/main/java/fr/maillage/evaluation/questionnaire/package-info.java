/**
 * Questionnaires to people and professionals: definitions as data, responses scored on the server and read
 * only by the person's care team (projected from workshop and referral events), what is due when, and the
 * aggregates the indicators read ({@link fr.maillage.evaluation.questionnaire.QuestionnaireOutcomes}).
 */
package fr.maillage.evaluation.questionnaire;
