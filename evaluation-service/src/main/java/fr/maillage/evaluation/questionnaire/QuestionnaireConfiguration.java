package fr.maillage.evaluation.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Binds the questionnaires' settings, reads the definitions ({@code questionnaires/*.json}) and checks them:
 * one broken definition, or none of the questionnaires the schedules need, and the service does not start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuestionnaireProperties.class)
class QuestionnaireConfiguration {

    private static final Logger log = LoggerFactory.getLogger(QuestionnaireConfiguration.class);

    @Bean
    QuestionnaireCatalogue questionnaireCatalogue(QuestionnaireProperties properties, ResourceLoader loader)
            throws IOException {
        Resource[] resources =
                ResourcePatternUtils.getResourcePatternResolver(loader).getResources(properties.definitions());
        Arrays.sort(resources, Comparator.comparing(Resource::getDescription));
        List<QuestionnaireDefinition> definitions = new ArrayList<>();
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                definitions.add(QuestionnaireCatalogue.parse(resource.getDescription(), in.readAllBytes()));
            }
        }
        QuestionnaireCatalogue catalogue = QuestionnaireCatalogue.of(definitions)
                .requiring(QuestionnaireCatalogue.WHO_5, QuestionnaireCatalogue.WORKSHOP_SATISFACTION);
        log.info(
                "Questionnaires: {}",
                catalogue.latest().stream()
                        .map(definition -> definition.id() + " v" + definition.version())
                        .toList());
        return catalogue;
    }

    @Bean
    DueSchedule dueSchedule(QuestionnaireProperties properties) {
        return new DueSchedule(properties.followUpAfter());
    }
}
