package fr.maillage.evaluation.indicator.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fr.maillage.evaluation.indicator.FactKind;
import fr.maillage.evaluation.indicator.FactStore;
import fr.maillage.evaluation.indicator.Figure;
import fr.maillage.evaluation.indicator.IndicatorCalculator;
import fr.maillage.evaluation.indicator.IndicatorScenario;
import fr.maillage.evaluation.indicator.TestEvents;
import fr.maillage.evaluation.indicator.TestEvents.TestEvent;
import fr.maillage.evaluation.indicator.TopicReplayClient;
import fr.maillage.evaluation.period.Period;
import fr.maillage.evaluation.questionnaire.QuestionnaireOutcomes;
import fr.maillage.localstack.kafka.KafkaBroker;
import fr.maillage.localstack.mongo.MongoWireServer;
import fr.maillage.platform.events.CloudEventCodec;
import fr.maillage.platform.testing.EventPlayer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.LoggerFactory;

/**
 * The projection's replay speed (not a test, not in {@code verify}): starts the local infrastructure in this
 * JVM (a real Kafka broker in KRaft mode and the Mongo wire server, as {@code ./maillage up} and the
 * integration tests do), publishes at least a million generated events of referral, alert, workshop and
 * meeting services (several territories and quarters, each subject's events shuffled, some delivered twice),
 * then times the rebuild's replay: every topic from offset 0 to its end through the same decoding, fold and
 * bulk upserts as {@code POST /api/indicators/rebuild}. Run by {@code evaluation-service/bench/projection-benchmark.sh}.
 *
 * <p>Arguments: {@code [events (default 1000000)] [territories (default 8)] [batch size (default 5000)]}.
 */
public final class ProjectionBenchmark {

    private static final List<String> TOPICS =
            List.of("referral.events.v1", "alert.events.v1", "workshop.events.v1", "meeting.events.v1");
    private static final double DUPLICATES = 0.05;

    private ProjectionBenchmark() {}

    public static void main(String[] args) throws Exception {
        long target = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int territories = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        quietLogs();
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("Kafka broker failed (exit " + code + "): " + message);
        });
        Exit.setHaltProcedure((code, message) -> {
            throw new IllegalStateException("Kafka broker failed (halt " + code + "): " + message);
        });
        System.out.printf(
                Locale.ROOT,
                "Machine: %d cores, max heap %d MB, Java %s (%s)%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"));

        Path kafkaDir = Files.createTempDirectory("maillage-bench-kafka-");
        try (KafkaBroker kafka = KafkaBroker.start(kafkaDir, 0, 0);
                MongoWireServer mongo = MongoWireServer.memory(0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            createTopics(kafka.bootstrapServers());

            long started = System.nanoTime();
            long published = publish(kafka.bootstrapServers(), target, territories);
            double publishSeconds = seconds(System.nanoTime() - started);
            System.out.printf(
                    Locale.ROOT,
                    "Published %,d events in %.1f s (%,.0f events/s), %.0f %% duplicates, each subject's events shuffled%n",
                    published,
                    publishSeconds,
                    published / publishSeconds,
                    DUPLICATES * 100);

            FactStore facts = new FactStore(client.getDatabase("evaluation"));
            TopicReplayClient replay = new TopicReplayClient(
                    Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    TOPICS,
                    batchSize,
                    Duration.ofSeconds(1),
                    CloudEventCodec.standalone());
            // 1. the rebuild as POST /api/indicators/rebuild runs it (measured first, on a cold JVM)
            long[] lastReport = {System.nanoTime()};
            long replayStarted = System.nanoTime();
            FactStore.Rebuilt rebuilt = facts.rebuildFrom(replay, read -> {
                if (System.nanoTime() - lastReport[0] > 10_000_000_000L) {
                    lastReport[0] = System.nanoTime();
                    System.out.printf(
                            Locale.ROOT,
                            "  ... %,d events replayed (%.0f s)%n",
                            read,
                            seconds(System.nanoTime() - replayStarted));
                }
            });
            double replaySeconds = seconds(System.nanoTime() - replayStarted);

            // 2. reading and decoding again, alone (no MongoDB): the fold's own cost
            long decodeStarted = System.nanoTime();
            TopicReplayClient.Replayed decoded = replay.replay(updates -> {}, read -> {});
            double decodeSeconds = seconds(System.nanoTime() - decodeStarted);

            System.out.println();
            System.out.printf(Locale.ROOT, "Rebuild through the projection (batch %d, bulk upserts):%n", batchSize);
            System.out.printf(
                    Locale.ROOT, "  events replayed : %,d (%,d invalid)%n", rebuilt.records(), rebuilt.invalid());
            System.out.printf(
                    Locale.ROOT,
                    "  total time      : %.1f s (of which a %d s wait for every instance to take up the new facts)%n",
                    replaySeconds,
                    2 * FactStore.GENERATION_REFRESH.toSeconds());
            System.out.printf(Locale.ROOT, "  throughput      : %,.0f events/s%n", rebuilt.records() / replaySeconds);
            System.out.printf(
                    Locale.ROOT,
                    "  then reading and decoding alone (no MongoDB): %,d events in %.1f s (%,.0f events/s)%n",
                    decoded.records(),
                    decodeSeconds,
                    decoded.records() / decodeSeconds);
            long subjects = 0;
            for (FactKind kind : FactKind.values()) {
                long count = facts.count(kind);
                subjects += count;
                System.out.printf(
                        Locale.ROOT, "  facts %-10s: %,d%n", kind.name().toLowerCase(Locale.ROOT), count);
            }
            System.out.printf(
                    Locale.ROOT,
                    "  facts in all    : %,d documents, %d territories%n",
                    subjects,
                    facts.territories().size());

            QuestionnaireOutcomes none = new QuestionnaireOutcomes() {
                @Override
                public PairedChange who5Change(String territory, Instant from, Instant to) {
                    return new PairedChange(0, null);
                }

                @Override
                public MeanScore meanScore(String questionnaireId, String territory, Instant from, Instant to) {
                    return new MeanScore(0, null);
                }
            };
            Period quarter = quarters().getFirst();
            long computing = System.nanoTime();
            List<Figure> figures =
                    new IndicatorCalculator(none).compute(facts.current(), territory(0), quarter, Instant.now());
            System.out.printf(
                    Locale.ROOT,
                    "Indicators of one territory and quarter over the full store: %.2f s (referrals.by-status = %.0f)%n",
                    seconds(System.nanoTime() - computing),
                    figures.getFirst().value());
        } finally {
            deleteRecursively(kafkaDir);
        }
    }

    /** Territory {@code i}'s id. */
    private static String territory(int i) {
        return String.format(Locale.ROOT, "bench-%02d", i);
    }

    private static List<Period> quarters() {
        List<Period> quarters = new ArrayList<>();
        for (int year = 2023; year <= 2025; year++) {
            for (int q = 1; q <= 4; q++) {
                quarters.add(Period.quarter(year, q));
            }
        }
        return quarters;
    }

    /**
     * Quarters of life of each territory (the scenario of the integration tests, fresh ids each time), each
     * subject's events in a random order, about 5 % of them delivered again later; until {@code target}
     * events are out. Published as the outbox relays do: structured CloudEvents keyed by subject.
     */
    private static long publish(String bootstrapServers, long target, int territories) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.BATCH_SIZE_CONFIG,
                512 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG,
                128L * 1024 * 1024);
        Random random = new Random(42);
        List<Period> quarters = quarters();
        List<TestEvents> perTerritory = new ArrayList<>();
        for (int t = 0; t < territories; t++) {
            perTerritory.add(new TestEvents(territory(t)));
        }
        long sent = 0;
        long reported = 0;
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            List<TestEvent> again = new ArrayList<>();
            for (int round = 0; sent < target; round++) {
                TestEvents ev = perTerritory.get(round % territories);
                Period quarter = quarters.get((round / territories) % quarters.size());
                List<TestEvent> events = new ArrayList<>(IndicatorScenario.quarter(ev, quarter));
                Collections.shuffle(events, random);
                for (TestEvent event : events) {
                    send(producer, event);
                    sent++;
                    if (random.nextDouble() < DUPLICATES) {
                        again.add(event);
                    }
                }
                if (again.size() > 500) {
                    for (TestEvent event : again) {
                        send(producer, event);
                        sent++;
                    }
                    again.clear();
                }
                if (sent - reported >= 200_000) {
                    reported = sent;
                    System.out.printf(Locale.ROOT, "  ... %,d events published%n", sent);
                }
            }
            for (TestEvent event : again) {
                send(producer, event);
                sent++;
            }
            producer.flush();
        }
        return sent;
    }

    private static void send(KafkaProducer<String, byte[]> producer, TestEvent event) {
        byte[] value = EventPlayer.cloudEvent(event.source(), event.outbound()).getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.subject(), value);
        record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(record, (metadata, exception) -> {
            if (exception != null) {
                throw new IllegalStateException("Could not publish a benchmark event", exception);
            }
        });
    }

    private static void createTopics(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(TOPICS.stream()
                            .map(topic -> new NewTopic(topic, 3, (short) 1).configs(Map.of("retention.ms", "-1")))
                            .toList())
                    .all()
                    .get();
        }
    }

    private static void quietLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            context.getLogger(TopicReplayClient.class).setLevel(Level.INFO);
            // the wire server says at start-up that it ignores secondary indexes (real MongoDB uses them)
            context.getLogger("de.bwaldvogel").setLevel(Level.ERROR);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
