package fr.maillage.subscription.delivery.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.maillage.localstack.kafka.KafkaBroker;
import fr.maillage.localstack.mongo.MongoWireServer;
import fr.maillage.localstack.oidc.TestIssuer;
import fr.maillage.platform.events.CloudEventCodec;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.testing.EventPlayer;
import fr.maillage.platform.testing.ServiceHttp;
import fr.maillage.subscription.SubscriptionServiceApplication;
import fr.maillage.subscription.signing.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.bson.Document;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Webhook delivery speed (not a test, not in {@code verify}): starts in this JVM a real Kafka broker, the Mongo
 * wire server and the token issuer (as the integration tests and {@code ./maillage up} do), the
 * subscription-service application (loopback callbacks allowed) and a receiver on 127.0.0.1 (the JDK's
 * HttpServer, answering 200 and verifying every {@code webhook-signature} with the subscription's secret).
 * Creates S subscriptions through the API (an admin, one institution each; the handshake makes them ACTIVE),
 * then publishes referral and alert CloudEvents as the producers' outboxes do (structured JSON, keyed by
 * subject, audience = every subscribed institution; one event in ten leaves the first institution out, so it
 * must not get it). Two phases:
 *
 * <ol>
 *   <li>burst: every event published at once: deliveries per second (first to last receipt, and steady state
 *       between the 10th and 90th percentile of receipts); latency there is mostly queueing;
 *   <li>paced: events at a fixed rate below capacity: the latency of one delivery.
 * </ol>
 *
 * <p>Latency: from the moment the producer's send is acknowledged by the broker (the send callback, in this
 * JVM's {@code System.nanoTime}) to the receiver's first receipt of that (subscription, event).
 *
 * <p>Arguments: {@code [burst events (default 2000)] [subscriptions (default 8)] [paced events (default 400)]
 * [paced rate, events/s (default 20)]}. Run by {@code subscription-service/bench/delivery-benchmark.sh}.
 */
public final class DeliveryBenchmark {

    private static final List<String> TOPICS = List.of(
            "referral.events.v1",
            "alert.events.v1",
            "workshop.events.v1",
            "meeting.events.v1",
            "evaluation.events.v1",
            "subscription.events.v1");
    private static final long PATIENCE_NANOS = 60_000_000_000L;

    /** A receipt: which subscription (by callback path), which event, when, whether the signature held. */
    record Receipt(int subscription, String eventId, long nanos, long wallMillis, boolean signed) {}

    private final Map<Integer, String> secrets = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Receipt> receipts = new ConcurrentLinkedQueue<>();
    private final AtomicInteger received = new AtomicInteger();
    private MongoCollection<Document> eventLog;
    private final Map<String, Long> acked = new ConcurrentHashMap<>();

    private DeliveryBenchmark() {}

    public static void main(String[] args) throws Exception {
        int burst = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int subscriptions = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int paced = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        double rate = args.length > 3 ? Double.parseDouble(args[3]) : 20;
        quietLogs();
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("Kafka broker failed (exit " + code + "): " + message);
        });
        Exit.setHaltProcedure((code, message) -> {
            throw new IllegalStateException("Kafka broker failed (halt " + code + "): " + message);
        });
        System.out.printf(
                Locale.ROOT,
                "Machine: %d cores, max heap %d MB, Java %s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"));
        new DeliveryBenchmark().run(burst, subscriptions, paced, rate);
        System.exit(0); // the issuer's and the broker's leftover threads
    }

    private void run(int burst, int subscriptionCount, int paced, double rate) throws Exception {
        Path kafkaDir = Files.createTempDirectory("maillage-bench-kafka-");
        Path keyset = Files.createTempDirectory("maillage-bench-keys-").resolve("keyset.json");
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", this::receive);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.start();
        try (MongoWireServer mongo = MongoWireServer.memory(0);
                MongoClient client = MongoClients.create(mongo.connectionString());
                KafkaBroker kafka = KafkaBroker.start(kafkaDir, 0, 0)) {
            createTopics(kafka.bootstrapServers());
            TestIssuer issuer = TestIssuer.shared();
            // system properties, as the integration tests set them: they outrank application.yml
            Map.of(
                            "spring.kafka.bootstrap-servers",
                            kafka.bootstrapServers(),
                            "spring.mongodb.host",
                            "127.0.0.1",
                            "spring.mongodb.port",
                            String.valueOf(mongo.port()),
                            "spring.mongodb.uri",
                            mongo.connectionString(),
                            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                            issuer.issuerUri(),
                            "server.port",
                            "0",
                            "maillage.subscription.outbound.allow-loopback",
                            "true",
                            "maillage.subscription.secrets.keyset-file",
                            keyset.toString(),
                            "maillage.subscription.secrets.create-keyset-if-missing",
                            "true",
                            "logging.level.root",
                            "WARN")
                    .forEach(System::setProperty);
            System.setProperty("logging.level.de.bwaldvogel", "ERROR");
            System.setProperty("logging.level.org.apache.kafka", "ERROR");
            try (ConfigurableApplicationContext app =
                            new SpringApplicationBuilder(SubscriptionServiceApplication.class).run();
                    KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
                eventLog = client.getDatabase("subscription").getCollection("event_log");
                int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                long setup = System.nanoTime();
                List<String> institutions =
                        subscribe(port, receiver.getAddress().getPort(), subscriptionCount);
                System.out.printf(
                        Locale.ROOT,
                        "%d ACTIVE subscriptions created through the API in %.1f s%n",
                        subscriptionCount,
                        seconds(System.nanoTime() - setup));
                warmUp(producer, institutions);
                phase("Burst", producer, institutions, burst, 0);
                phase("Paced", producer, institutions, paced, rate);
            }
        } finally {
            receiver.stop(0);
            deleteRecursively(kafkaDir);
            deleteRecursively(keyset.getParent());
        }
    }

    /** A few events first, not measured: the consumer's first assignment and the JIT. */
    private void warmUp(KafkaProducer<String, String> producer, List<String> institutions) throws Exception {
        Map<String, Set<Integer>> expected = publish(producer, institutions, 20, 0);
        awaitAll(expected);
        receipts.clear();
    }

    private void phase(
            String name, KafkaProducer<String, String> producer, List<String> institutions, int events, double rate)
            throws Exception {
        receipts.clear();
        long started = System.nanoTime();
        Map<String, Set<Integer>> expected = publish(producer, institutions, events, rate);
        double publishing = seconds(System.nanoTime() - started);
        awaitAll(expected);
        report(name, events, rate, publishing, expected);
    }

    // ---- the subscriptions

    private List<String> subscribe(int port, int receiverPort, int count) {
        ServiceHttp http = ServiceHttp.onPort(port);
        String admin = ServiceHttp.demoToken("admin");
        List<String> institutions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String institution = String.format(Locale.ROOT, "bench-%03d", i);
            List<String> patterns =
                    i % 2 == 0 ? List.of("fr.maillage.referral.*", "fr.maillage.alert.*") : List.of("*");
            HttpResponse<String> created = http.post(
                    "/api/subscriptions",
                    admin,
                    ServiceHttp.json(Map.of(
                            "eventTypes", patterns,
                            "callbackUrl", "http://127.0.0.1:" + receiverPort + "/s/" + i,
                            "institution", institution)));
            JsonNode body = ServiceHttp.json(created);
            if (created.statusCode() != 201
                    || !"ACTIVE".equals(body.path("status").asString())) {
                throw new IllegalStateException("Subscription " + i + " not created ACTIVE: " + created.body());
            }
            secrets.put(i, body.path("signingSecret").asString());
            institutions.add(institution);
        }
        return institutions;
    }

    // ---- the events

    /**
     * Publishes {@code count} events (every one at once when {@code rate} is 0), recording each one's ack;
     * @return the subscriptions each event must reach
     */
    private Map<String, Set<Integer>> publish(
            KafkaProducer<String, String> producer, List<String> institutions, int count, double rate)
            throws InterruptedException {
        Map<String, Set<Integer>> expected = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (int n = 0; n < count; n++) {
            if (rate > 0) {
                long due = start + (long) (n * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            boolean referral = n % 2 == 0;
            // one event in ten leaves bench-000 out of its audience: it must not reach subscription 0
            List<String> audience = n % 10 == 9 ? institutions.subList(1, institutions.size()) : institutions;
            String subject = "bench-" + n;
            OutboundEvent event = EventPlayer.event(
                    referral ? "fr.maillage.referral.created.v1" : "fr.maillage.alert.raised.v1",
                    subject,
                    "bench-territory",
                    audience,
                    Map.of("id", subject, "sequence", n));
            Set<Integer> targets = new HashSet<>();
            for (int i = 0; i < institutions.size(); i++) {
                if (audience.contains(institutions.get(i))) {
                    targets.add(i);
                }
            }
            expected.put(event.id(), targets);
            String topic = referral ? "referral.events.v1" : "alert.events.v1";
            ProducerRecord<String, String> record = new ProducerRecord<>(
                    topic, subject, EventPlayer.cloudEvent(referral ? "/maillage/referral" : "/maillage/alert", event));
            record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            String id = event.id();
            producer.send(record, (metadata, failure) -> {
                if (failure == null) {
                    acked.put(id, System.nanoTime());
                } else {
                    System.err.println("Send failed: " + failure);
                }
            });
        }
        producer.flush();
        return expected;
    }

    private void awaitAll(Map<String, Set<Integer>> expected) throws InterruptedException {
        int total = expected.values().stream().mapToInt(Set::size).sum();
        int seen = -1;
        long progressAt = System.nanoTime();
        while (true) {
            int now = receipts.size();
            if (now >= total) {
                Thread.sleep(500); // a moment for duplicates or strays
                return;
            }
            if (now != seen) {
                seen = now;
                progressAt = System.nanoTime();
            } else if (System.nanoTime() - progressAt > PATIENCE_NANOS) {
                System.out.printf(Locale.ROOT, "  no progress for 60 s at %,d of %,d receipts: stopping%n", now, total);
                return;
            }
            Thread.sleep(50);
        }
    }

    // ---- the receiver

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            long at = System.nanoTime();
            String path = exchange.getRequestURI().getPath();
            int subscription = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            String secret = secrets.get(subscription);
            boolean signed =
                    secret != null && WebhookSignature.verify(secret, id, Long.parseLong(timestamp), body, signature);
            if (secret != null) { // null: the activation handshake, before the secret is known here
                receipts.add(new Receipt(subscription, id, at, System.currentTimeMillis(), signed));
                received.incrementAndGet();
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }

    // ---- the figures

    private void report(String name, int events, double rate, double publishing, Map<String, Set<Integer>> expected) {
        List<Receipt> all = new ArrayList<>(receipts);
        all.sort(Comparator.comparingLong(Receipt::nanos));
        int total = expected.values().stream().mapToInt(Set::size).sum();
        Map<String, Long> firstReceipt = new HashMap<>();
        int duplicates = 0;
        int unexpected = 0;
        int badSignatures = 0;
        for (Receipt receipt : all) {
            if (!receipt.signed()) {
                badSignatures++;
            }
            Set<Integer> targets = expected.get(receipt.eventId());
            if (targets == null || !targets.contains(receipt.subscription())) {
                unexpected++;
                continue;
            }
            if (firstReceipt.putIfAbsent(receipt.subscription() + "|" + receipt.eventId(), receipt.nanos()) != null) {
                duplicates++;
            }
        }
        long[] latencies = new long[firstReceipt.size()];
        int k = 0;
        for (Map.Entry<String, Long> first : firstReceipt.entrySet()) {
            String eventId = first.getKey().substring(first.getKey().indexOf('|') + 1);
            latencies[k++] = first.getValue() - acked.getOrDefault(eventId, first.getValue());
        }
        Arrays.sort(latencies);
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%s: %,d events (%s), published in %.1f s, %,d deliveries expected%n",
                name,
                events,
                rate > 0 ? String.format(Locale.ROOT, "%.0f events/s", rate) : "all at once",
                publishing,
                total);
        System.out.printf(
                Locale.ROOT,
                "  received        : %,d distinct pairs, %,d missing, %,d duplicates, %,d not owed, %,d bad signatures%n",
                firstReceipt.size(),
                total - firstReceipt.size(),
                duplicates,
                unexpected,
                badSignatures);
        if (all.size() < 2) {
            return;
        }
        long first = all.getFirst().nanos();
        long last = all.getLast().nanos();
        System.out.printf(
                Locale.ROOT,
                "  throughput      : %,.0f deliveries/s first to last receipt (%.1f s)",
                (all.size() - 1) / seconds(last - first),
                seconds(last - first));
        int p10 = all.size() / 10;
        int p90 = all.size() * 9 / 10;
        if (p90 > p10) {
            System.out.printf(
                    Locale.ROOT,
                    ", %,.0f deliveries/s steady (10th to 90th percentile of receipts)",
                    (p90 - p10) / seconds(all.get(p90).nanos() - all.get(p10).nanos()));
        }
        System.out.println();
        planning(expected.keySet(), all);
        System.out.printf(
                Locale.ROOT,
                "  ack -> receipt  : p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                millis(percentile(latencies, 0.50)),
                millis(percentile(latencies, 0.95)),
                millis(percentile(latencies, 0.99)),
                millis(latencies.length == 0 ? 0 : latencies[latencies.length - 1]));
    }

    /**
     * Where the time goes: how fast the event log's consumer planned the events (its {@code plannedAt}, the
     * service's clock = the wall clock here), and how long the dispatcher then took (planned -> receipt).
     */
    private void planning(Set<String> eventIds, List<Receipt> all) {
        Map<String, Long> planned = new HashMap<>();
        for (Document logged : eventLog.find(Filters.in("_id", eventIds))) {
            if (logged.getDate("plannedAt") != null) {
                planned.put(logged.getString("_id"), logged.getDate("plannedAt").getTime());
            }
        }
        if (planned.size() < 2) {
            return;
        }
        long first = planned.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = planned.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long[] dispatch = all.stream()
                .filter(receipt -> planned.containsKey(receipt.eventId()))
                .mapToLong(receipt -> (receipt.wallMillis() - planned.get(receipt.eventId())) * 1_000_000)
                .sorted()
                .toArray();
        System.out.printf(
                Locale.ROOT,
                "  planning        : %,d events planned at %,.0f events/s (first to last plannedAt, %.1f s)%n",
                planned.size(),
                (planned.size() - 1) / ((last - first) / 1000.0),
                (last - first) / 1000.0);
        System.out.printf(
                Locale.ROOT,
                "  planned -> receipt: p50 %d ms, p99 %d ms (the dispatcher's share; ms precision)%n",
                millis(percentile(dispatch, 0.50)),
                millis(percentile(dispatch, 0.99)));
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    // ---- infrastructure

    private static void createTopics(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(TOPICS.stream()
                            .map(topic -> new NewTopic(topic, 3, (short) 1))
                            .toList())
                    .all()
                    .get();
        }
    }

    /** As the outbox relays publish: idempotent, every replica acknowledging. */
    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
    }

    private static void quietLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            context.getLogger("de.bwaldvogel").setLevel(Level.ERROR);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long millis(long nanos) {
        return Math.round(nanos / 1e6);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the system cleans it up eventually
        }
    }
}
