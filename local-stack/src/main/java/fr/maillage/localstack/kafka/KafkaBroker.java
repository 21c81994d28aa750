package fr.maillage.localstack.kafka;

import fr.maillage.localstack.net.PortInUseException;
import fr.maillage.localstack.net.Ports;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker, single node in KRaft mode ({@code process.roles=broker,controller}),
 * running inside this JVM and listening on 127.0.0.1 only.
 *
 * <p>{@link #start} formats the storage when the directory is new and returns once a client can
 * talk to the broker. Nothing here calls {@code System.exit}: the {@code kafka.Kafka} and {@code
 * StorageTool} mains are avoided on purpose.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final int brokerPort;
    private final int controllerPort;
    private boolean closed;

    private KafkaBroker(KafkaRaftServer server, Path dataDir, int brokerPort, int controllerPort) {
        this.server = server;
        this.dataDir = dataDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    /**
     * Starts a broker keeping its logs in {@code dataDir} (created and formatted if new). A port of 0
     * picks a free loopback port.
     *
     * @throws PortInUseException when a requested port is already taken
     */
    public static KafkaBroker start(Path dataDir, int brokerPort, int controllerPort) {
        int broker = Ports.resolve(brokerPort, "Kafka broker");
        int controller = controllerPort == 0 ? freePortOtherThan(broker) : controllerPort;
        if (controllerPort != 0) {
            Ports.requireFree(controller, "Kafka controller");
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        KafkaConfig config = new KafkaConfig(serverProperties(dir, broker, controller), false);
        formatIfNew(dir, config);

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            stopQuietly(server);
            if (causedByBind(e)) {
                throw new PortInUseException("Kafka broker", broker);
            }
            throw e;
        }
        KafkaBroker started = new KafkaBroker(server, dir, broker, controller);
        try {
            started.awaitClientConnection();
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        log.info("Kafka broker ready on {} (data in {})", started.bootstrapServers(), dir);
        return started;
    }

    /** The settings of the single-node broker (DESIGN §8, STACK.md "Kafka broker without Docker"). */
    static Map<String, Object> serverProperties(Path dataDir, int brokerPort, int controllerPort) {
        String host = Ports.LOOPBACK_HOST;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        p.put(
                "listeners",
                "PLAINTEXT://" + host + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + host + ":"
                        + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        // one node: every replicated internal topic has one replica
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // consumers join at once instead of waiting 3 s for more members
        p.put("group.initial.rebalance.delay.ms", "0");
        // As many partitions as platform-kit declares for each service topic: a topic that a consumer's
        // subscription creates before its producer has started gets the same shape as the declared one.
        p.put("num.partitions", "3");
        // small footprint: a developer machine or a test JVM, not a production cluster
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.num.partitions", "5");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("auto.create.topics.enable", "true");
        // events are kept forever, also in topics a consumer created before their producer declared
        // them: evaluation-service rebuilds its indicators from the start of every topic
        p.put("log.retention.ms", "-1");
        return p;
    }

    private static void formatIfNew(Path dir, KafkaConfig config) {
        if (Files.exists(dir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dir);
            log.info("Formatting new Kafka storage in {}", dir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setIgnoreFormatted(true)
                    .setUnstableFeatureVersionsEnabled(false)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(dir.toString())
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka data directory " + dir, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka storage in " + dir + ": " + e.getMessage(), e);
        }
    }

    private void awaitClientConnection() {
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG,
                "local-stack-readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) READY_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(adminConfig)) {
            var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) READY_TIMEOUT.toMillis()))
                    .nodes()
                    .get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
                throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " reports no node");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Kafka broker on " + bootstrapServers() + " did not answer within " + READY_TIMEOUT, e);
        }
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return Ports.LOOPBACK_HOST + ":" + brokerPort;
    }

    public int brokerPort() {
        return brokerPort;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Controlled shutdown; the data directory stays (a later {@link #start} on it resumes). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopQuietly(server);
        log.info("Kafka broker on {} stopped", bootstrapServers());
    }

    private static void stopQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Kafka broker did not shut down cleanly: {}", e.toString());
        }
    }

    private static int freePortOtherThan(int taken) {
        int port;
        do {
            port = Ports.freePort();
        } while (port == taken);
        return port;
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException
                    || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }
}
