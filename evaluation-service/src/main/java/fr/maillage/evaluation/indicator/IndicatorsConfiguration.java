package fr.maillage.evaluation.indicator;

import fr.maillage.evaluation.questionnaire.QuestionnaireOutcomes;
import fr.maillage.platform.events.CloudEventCodec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The projection's store and replay, the formulas and the default targets (checked at start-up). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IndicatorsProperties.class)
class IndicatorsConfiguration {

    @Bean
    FactStore factStore(MongoTemplate mongo) {
        return new FactStore(mongo.getDb());
    }

    @Bean
    Targets defaultTargets(IndicatorsProperties properties) {
        return new Targets(properties.defaultTargets().stream()
                .map(IndicatorsProperties.DefaultTarget::toTarget)
                .toList());
    }

    @Bean
    IndicatorCalculator indicatorCalculator(QuestionnaireOutcomes outcomes) {
        return new IndicatorCalculator(outcomes);
    }

    @Bean
    TopicReplayClient topicReplayClient(IndicatorsProperties properties, KafkaProperties kafka, CloudEventCodec codec) {
        return new TopicReplayClient(
                kafka.buildConsumerProperties(),
                properties.topics().all(),
                properties.rebuild().batchSize(),
                properties.rebuild().pollTimeout(),
                codec);
    }
}
