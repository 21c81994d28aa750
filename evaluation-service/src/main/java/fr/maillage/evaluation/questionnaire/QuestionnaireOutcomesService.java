package fr.maillage.evaluation.questionnaire;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * {@link QuestionnaireOutcomes} over the responses store: aggregates only, computed when asked, so an erased
 * person's answers (deleted) no longer count.
 *
 * <p>WHO-5 change: the END responses of the territory recorded in the window that belong to an enrolment,
 * each paired with the BASELINE response of the same person and enrolment (recorded whenever, in whatever
 * version: the percentage is comparable); the mean of END − BASELINE percentages over the pairs.
 */
@Service
class QuestionnaireOutcomesService implements QuestionnaireOutcomes {

    private final MongoTemplate mongo;

    QuestionnaireOutcomesService(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public PairedChange who5Change(String territory, Instant from, Instant to) {
        List<QuestionnaireResponse> ends = mongo.find(
                Query.query(where("questionnaireId")
                        .is(QuestionnaireCatalogue.WHO_5)
                        .and("territory")
                        .is(territory)
                        .and("timepoint")
                        .is(Timepoint.END)
                        .and("enrolmentId")
                        .ne(null)
                        .and("recordedAt")
                        .gte(from)
                        .lt(to)),
                QuestionnaireResponse.class);
        if (ends.isEmpty()) {
            return new PairedChange(0, null);
        }
        Map<String, QuestionnaireResponse> baselines = new HashMap<>();
        mongo.find(
                        Query.query(where("questionnaireId")
                                .is(QuestionnaireCatalogue.WHO_5)
                                .and("timepoint")
                                .is(Timepoint.BASELINE)
                                .and("enrolmentId")
                                .in(ends.stream()
                                        .map(QuestionnaireResponse::enrolmentId)
                                        .distinct()
                                        .toList())),
                        QuestionnaireResponse.class)
                .forEach(baseline -> baselines.put(pairKey(baseline), baseline));
        int pairs = 0;
        double change = 0;
        for (QuestionnaireResponse end : ends) {
            QuestionnaireResponse baseline = baselines.get(pairKey(end));
            if (baseline != null) {
                pairs++;
                change += end.percent() - baseline.percent();
            }
        }
        return new PairedChange(pairs, pairs == 0 ? null : change / pairs);
    }

    @Override
    public MeanScore meanScore(String questionnaireId, String territory, Instant from, Instant to) {
        List<QuestionnaireResponse> responses = mongo.find(
                Query.query(where("questionnaireId")
                        .is(questionnaireId)
                        .and("territory")
                        .is(territory)
                        .and("recordedAt")
                        .gte(from)
                        .lt(to)),
                QuestionnaireResponse.class);
        return new MeanScore(
                responses.size(),
                responses.isEmpty()
                        ? null
                        : responses.stream()
                                .mapToDouble(QuestionnaireResponse::percent)
                                .average()
                                .orElseThrow());
    }

    private static String pairKey(QuestionnaireResponse response) {
        return Objects.requireNonNull(response.personRef()) + "|" + response.enrolmentId();
    }
}
