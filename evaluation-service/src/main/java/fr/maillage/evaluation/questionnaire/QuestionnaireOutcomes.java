package fr.maillage.evaluation.questionnaire;

import java.time.Instant;

/**
 * What the indicators read of the questionnaires: aggregates only, never an answer. Implemented in this
 * package over the responses store (the record of the answers), so a person's erasure removes their
 * answers from later figures; reports already published keep theirs.
 */
public interface QuestionnaireOutcomes {

    /**
     * The mean change of the WHO-5 percentage score (0–100), END minus BASELINE, over the people of the
     * territory who answered both for the same workshop enrolment, counted in the window of their END
     * response ({@code from} inclusive, {@code to} exclusive).
     */
    PairedChange who5Change(String territory, Instant from, Instant to);

    /** The mean percentage score (0–100) of a questionnaire's responses of the territory recorded in the window. */
    MeanScore meanScore(String questionnaireId, String territory, Instant from, Instant to);

    /** @param pairs people with both answers; {@code meanChange} null when none */
    record PairedChange(int pairs, Double meanChange) {}

    /** @param n responses; {@code mean} null when none */
    record MeanScore(int n, Double mean) {}
}
