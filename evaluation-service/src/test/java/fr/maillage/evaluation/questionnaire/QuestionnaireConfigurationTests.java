package fr.maillage.evaluation.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The questionnaires' configuration at start-up: the shipped definitions load; a broken definition, a
 * catalogue without what the schedules need, or a wrong setting stops the application.
 */
class QuestionnaireConfigurationTests {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(QuestionnaireConfiguration.class);

    @TempDir
    Path definitions;

    private String copyShipped(String... ids) throws IOException {
        for (String id : ids) {
            Files.write(definitions.resolve(id + ".json"), ShippedDefinitions.bytes(id));
        }
        return "maillage.evaluation.questionnaires.definitions=file:" + definitions.toAbsolutePath() + "/*.json";
    }

    @Test
    void theShippedDefinitionsLoadWithTheDefaultSettings() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(QuestionnaireCatalogue.class).latest())
                    .extracting(QuestionnaireDefinition::id)
                    .containsExactly("professional-satisfaction", "who-5", "workshop-satisfaction");
            QuestionnaireProperties properties = context.getBean(QuestionnaireProperties.class);
            assertThat(properties.followUpAfter()).isEqualTo(java.time.Period.ofMonths(3));
            assertThat(properties.dueSweepInterval()).isEqualTo(java.time.Duration.ofMinutes(1));
            assertThat(properties.consumerGroup()).isEqualTo("evaluation-questionnaires");
        });
    }

    @Test
    void aBrokenDefinitionStopsTheApplication() throws IOException {
        String location = copyShipped("who-5", "workshop-satisfaction");
        ObjectNode broken = ShippedDefinitions.tree("workshop-satisfaction");
        ((ObjectNode) broken.get("bands").get(1)).put("min", 60);
        Files.write(
                definitions.resolve("workshop-satisfaction.json"),
                JsonMapper.builder().build().writeValueAsBytes(broken));

        runner.withPropertyValues(location)
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidDefinition.class)
                        .hasMessageContaining("workshop-satisfaction v1")
                        .hasMessageContaining("falls in no band"));
    }

    @Test
    void aDefinitionThatIsNotJsonStopsTheApplication() throws IOException {
        String location = copyShipped("who-5", "workshop-satisfaction");
        Files.writeString(definitions.resolve("extra.json"), "{ not json");

        runner.withPropertyValues(location)
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining(InvalidDefinition.class.getName())
                        .hasStackTraceContaining("Questionnaire definition")
                        .hasStackTraceContaining("extra.json"));
    }

    @Test
    void withoutTheWho5TheApplicationDoesNotStart() throws IOException {
        String location = copyShipped("workshop-satisfaction", "professional-satisfaction");

        runner.withPropertyValues(location)
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("questionnaire who-5 is not defined"));
    }

    @Test
    void aFollowUpOfZeroOrASweepOfZeroStopsTheApplication() {
        runner.withPropertyValues("maillage.evaluation.questionnaires.follow-up-after=P0D")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("maillage.evaluation.questionnaires.due-sweep-interval=PT0S")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("maillage.evaluation.questionnaires.consumer-group= ")
                .run(context -> assertThat(context).hasFailed());
    }
}
