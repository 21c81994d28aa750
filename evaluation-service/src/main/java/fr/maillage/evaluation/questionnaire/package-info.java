/** Questionnaires to people and professionals: definitions as data, responses scored on the server, what is due when. */
package fr.maillage.evaluation.questionnaire;
