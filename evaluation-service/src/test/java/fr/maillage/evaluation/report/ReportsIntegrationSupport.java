package fr.maillage.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.evaluation.EvaluationIntegrationSupport;
import fr.maillage.evaluation.period.Period;
import fr.maillage.platform.testing.ServiceHttp;
import fr.maillage.platform.testing.TopicReader;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What the report and closing integration tests share: the {@link FakeIndicatorBoard} in place of the
 * board (our own port; Kafka and Mongo stay real), no Kafka listener of this context (it consumes nothing
 * the reports need, and must not join the projection's groups besides the main test context), the
 * closed-period review left to the tests (long intervals, no grace), and helpers to publish, download and
 * read what was published.
 */
@Import(ReportsIntegrationSupport.FakeBoard.class)
@TestPropertySource(
        properties = {
            "spring.kafka.listener.auto-startup=false",
            "maillage.evaluation.closing.sweep-interval=PT100H",
            "maillage.evaluation.closing.initial-delay=PT100H",
            "maillage.evaluation.closing.grace-period=PT0S"
        })
public abstract class ReportsIntegrationSupport extends EvaluationIntegrationSupport {

    public static final String REPORT_PUBLISHED = ReportMessages.REPORT_PUBLISHED;
    public static final String COPIL = COPIL_BIEVRE;
    public static final String BIEVRE = "bievre";

    private static final HttpClient BYTES = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @TestConfiguration(proxyBeanMethods = false)
    public static class FakeBoard {
        @Bean
        @Primary
        FakeIndicatorBoard fakeIndicatorBoard(Clock clock) {
            return new FakeIndicatorBoard(clock);
        }
    }

    @Autowired
    protected FakeIndicatorBoard board;

    @Autowired
    protected MongoTemplate mongo;

    /** A territory no other test uses (lower-case letters and digits). */
    protected static String freshTerritory(String prefix) {
        return prefix + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
    }

    /** The quarter the service's clock is in. */
    protected Period currentQuarter() {
        return Period.quarterOf(clock.instant());
    }

    /** The quarter after the current one. */
    protected Period nextQuarter() {
        return Period.quarterOf(currentQuarter().end());
    }

    protected HttpResponse<String> publish(String who, String territory, String quarter) {
        return post("/api/reports", who, json(Map.of("territory", territory, "quarter", quarter)));
    }

    /** Publishes a report as {@code who}; its view. */
    protected JsonNode published(String who, String territory, Period quarter) {
        HttpResponse<String> created = publish(who, territory, quarter.code());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    /** A GET read as bytes (the PDF). */
    protected HttpResponse<byte[]> download(String path, String who) {
        try {
            return BYTES.send(
                    http().request(path, ServiceHttp.demoToken(who)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many reports are stored for the territory. */
    protected long storedReports(String territory) {
        return mongo.count(new Query(Criteria.where("territory").is(territory)), Report.class);
    }

    protected long storedReports() {
        return mongo.count(new Query(), Report.class);
    }

    private boolean outboxIsEmpty(String collection, String id) {
        org.bson.Document document = mongo.findById(id, org.bson.Document.class, collection);
        return document != null
                && document.getList("pendingEvents", Object.class, List.of()).isEmpty();
    }

    /**
     * The distinct events (by CloudEvent id) of the type about the subject, once the document's outbox is
     * empty and the reader has read the whole topic: what was published, a redelivery counted once.
     */
    protected List<JsonNode> publishedEvents(TopicReader events, String collection, String type, String subject) {
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxIsEmpty(collection, subject));
        events.readToEnd();
        return TopicReader.distinct(events.events(TopicReader.ofType(type).and(TopicReader.about(subject))));
    }
}
