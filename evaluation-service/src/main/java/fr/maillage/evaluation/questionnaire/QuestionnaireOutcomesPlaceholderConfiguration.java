package fr.maillage.evaluation.questionnaire;

import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// PLACEHOLDER (issue 7 merge): the questionnaires helper implements QuestionnaireOutcomes over the
// responses store; remove this class when merging theirs.
/** Questionnaire outcomes with no data, so the indicators start before the questionnaires exist. */
@Configuration(proxyBeanMethods = false)
class QuestionnaireOutcomesPlaceholderConfiguration {

    @Bean
    QuestionnaireOutcomes questionnaireOutcomes() {
        return new QuestionnaireOutcomes() {
            @Override
            public PairedChange who5Change(String territory, Instant from, Instant to) {
                return new PairedChange(0, null);
            }

            @Override
            public MeanScore meanScore(String questionnaireId, String territory, Instant from, Instant to) {
                return new MeanScore(0, null);
            }
        };
    }
}
