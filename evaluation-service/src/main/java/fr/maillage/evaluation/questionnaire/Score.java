package fr.maillage.evaluation.questionnaire;

/**
 * A response's score, computed on the server from the definition.
 *
 * @param raw the sum of the item scores
 * @param percent 0–100, one decimal
 * @param band the code of the band the score falls in
 * @param flag whether that band asks for attention (e.g. WHO-5 poor wellbeing)
 */
public record Score(int raw, double percent, String band, boolean flag) {}
