package fr.maillage.evaluation.indicator;

import fr.maillage.evaluation.questionnaire.QuestionnaireOutcomes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Questionnaire outcomes a test decides, remembering what was asked. */
final class FakeOutcomes implements QuestionnaireOutcomes {

    PairedChange who5 = new PairedChange(0, null);
    final Map<String, MeanScore> scores = new HashMap<>();
    final List<String> asked = new ArrayList<>();

    @Override
    public PairedChange who5Change(String territory, Instant from, Instant to) {
        asked.add("who-5 " + territory + " " + from + " " + to);
        return who5;
    }

    @Override
    public MeanScore meanScore(String questionnaireId, String territory, Instant from, Instant to) {
        asked.add(questionnaireId + " " + territory + " " + from + " " + to);
        return scores.getOrDefault(questionnaireId, new MeanScore(0, null));
    }
}
