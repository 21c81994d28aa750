package fr.maillage.evaluation.indicator;

import fr.maillage.evaluation.EvaluationIntegrationSupport;
import fr.maillage.evaluation.indicator.TestEvents.TestEvent;
import fr.maillage.evaluation.period.Period;
import fr.maillage.localstack.junit.LocalInfrastructure;
import fr.maillage.platform.testing.EventPlayer;
import fr.maillage.platform.testing.ServiceHttp;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The indicators' integration tests: other services' events played on the real broker with their fixed ids
 * (so playing one again is a duplicate delivery), waiting for the projection's consumer group, and figures
 * read from the board or the API. Each test uses fresh territories, except the API's access checks, which
 * only demo users of {@code bievre} and {@code lyon-nord} can make.
 */
abstract class IndicatorIntegrationSupport extends EvaluationIntegrationSupport {

    @Autowired
    protected IndicatorBoard board;

    @Autowired
    protected FactStore facts;

    private EventPlayer player;

    @AfterEach
    void closePlayer() {
        if (player != null) {
            player.close();
            player = null;
        }
    }

    /** A territory nobody else uses: {@code t-<random>}. */
    static String freshTerritory() {
        return "t-" + UUID.randomUUID().toString().substring(0, 13).replace("-", "");
    }

    /** Plays the events in the given order; returns the last record of each partition. */
    protected Collection<RecordMetadata> playAll(List<TestEvent> events) {
        if (player == null) {
            player = EventPlayer.local();
        }
        Map<TopicPartition, RecordMetadata> last = new HashMap<>();
        for (TestEvent event : events) {
            RecordMetadata record = player.play(event.topic(), event.source(), event.outbound());
            last.merge(
                    new TopicPartition(record.topic(), record.partition()),
                    record,
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return last.values();
    }

    /** Plays the events and waits until the projection has consumed every one of them. */
    protected void project(List<TestEvent> events) {
        awaitProjected(playAll(events));
    }

    protected static void awaitProjected(Collection<RecordMetadata> records) {
        records.forEach(record -> awaitConsumed(INDICATORS_GROUP, record));
    }

    /** The figures an in-memory fold of the same events gives at {@code now} (questionnaires left out). */
    protected static List<Figure> expected(List<TestEvent> events, String territory, Period period, Instant now) {
        return new IndicatorCalculator(new FakeOutcomes())
                .compute(InMemoryFacts.of(events), territory, period, now).stream()
                        .filter(f -> !f.id().startsWith("questionnaires."))
                        .toList();
    }

    /** The board's figures (questionnaires left out), as raw figures. */
    protected static List<Figure> figures(TerritoryIndicators indicators) {
        return indicators.values().stream()
                .filter(v -> !v.id().startsWith("questionnaires."))
                .map(v -> new Figure(v.id(), v.value(), v.n(), v.breakdown()))
                .toList();
    }

    protected HttpResponse<String> delete(String path, String who) {
        return http().delete(path, ServiceHttp.demoToken(who));
    }

    /** A POST without a body. */
    protected HttpResponse<String> postEmpty(String path, String who) {
        return http().send("POST", path, ServiceHttp.demoToken(who), null);
    }

    static String bootstrapServers() {
        return LocalInfrastructure.Endpoints.kafkaBootstrapServers();
    }
}
