package fr.maillage.evaluation.questionnaire;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The questionnaires' keys under {@code maillage.evaluation.questionnaires.*}, checked when bound: a wrong
 * value stops the service at start-up.
 *
 * @param definitions where the questionnaire definitions are read (a resource pattern)
 * @param consumerGroup the consumer group of the care teams and schedules (workshop and referral topics)
 * @param workshopEventsTopic workshop-service's topic
 * @param referralEventsTopic referral-service's topic
 * @param followUpAfter how long after a workshop's end the WHO-5 follow-up is due (a calendar period, P3M)
 * @param dueSweepInterval how often dues whose time has come are looked for and announced (PT1M)
 */
@Validated
@ConfigurationProperties("maillage.evaluation.questionnaires")
public record QuestionnaireProperties(
        @NotBlank @DefaultValue("classpath*:questionnaires/*.json")
        String definitions,

        @NotBlank @DefaultValue("evaluation-questionnaires") String consumerGroup,
        @NotBlank @DefaultValue("workshop.events.v1") String workshopEventsTopic,
        @NotBlank @DefaultValue("referral.events.v1") String referralEventsTopic,
        @NotNull @DefaultValue("P3M") Period followUpAfter,
        @NotNull @DefaultValue("PT1M") Duration dueSweepInterval) {

    public QuestionnaireProperties {
        if (followUpAfter != null && (followUpAfter.isZero() || followUpAfter.isNegative())) {
            throw new IllegalArgumentException("maillage.evaluation.questionnaires.follow-up-after must be positive");
        }
        if (dueSweepInterval != null && (dueSweepInterval.isZero() || dueSweepInterval.isNegative())) {
            throw new IllegalArgumentException(
                    "maillage.evaluation.questionnaires.due-sweep-interval must be positive");
        }
    }
}
