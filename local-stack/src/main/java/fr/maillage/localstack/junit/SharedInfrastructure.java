package fr.maillage.localstack.junit;

import fr.maillage.localstack.kafka.KafkaBroker;
import fr.maillage.localstack.mongo.MongoWireServer;
import fr.maillage.localstack.oidc.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The broker, the Mongo wire server and the issuer shared by every test class of one JVM. */
final class SharedInfrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);

    private static volatile SharedInfrastructure current;

    private final KafkaBroker kafka;
    private final MongoWireServer mongo;
    private final TestIssuer issuer;
    private final Path kafkaDir;

    private SharedInfrastructure(KafkaBroker kafka, MongoWireServer mongo, TestIssuer issuer, Path kafkaDir) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.issuer = issuer;
        this.kafkaDir = kafkaDir;
    }

    static SharedInfrastructure start() {
        QuietServerLogs.apply();
        long started = System.nanoTime();
        // The issuer's RSA key and the Mongo server come up first: Kafka is given ports found free a
        // moment before it binds them, and a server binding port 0 meanwhile could take one of them.
        CompletableFuture<MongoWireServer> mongo = CompletableFuture.supplyAsync(() -> MongoWireServer.memory(0));
        CompletableFuture<TestIssuer> issuer = CompletableFuture.supplyAsync(TestIssuer::shared);
        CompletableFuture.allOf(mongo, issuer).exceptionally(e -> null).join();
        // In this JVM Kafka must report a fatal fault as an exception, never end the test run itself.
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("Kafka broker failed (exit " + code + "): " + message);
        });
        Exit.setHaltProcedure((code, message) -> {
            throw new IllegalStateException("Kafka broker failed (halt " + code + "): " + message);
        });
        Path kafkaDir;
        KafkaBroker kafka;
        try {
            kafkaDir = Files.createTempDirectory("maillage-test-kafka-");
            kafka = KafkaBroker.start(kafkaDir, 0, 0);
        } catch (IOException e) {
            mongo.thenAccept(MongoWireServer::close);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            mongo.thenAccept(MongoWireServer::close);
            throw e;
        }
        try {
            SharedInfrastructure infrastructure =
                    new SharedInfrastructure(kafka, mongo.join(), issuer.join(), kafkaDir);
            current = infrastructure;
            log.info(
                    "Local infrastructure ready in {} ms: Kafka {}, MongoDB {}, issuer {}",
                    (System.nanoTime() - started) / 1_000_000,
                    infrastructure.kafka.bootstrapServers(),
                    infrastructure.mongo.connectionString(),
                    infrastructure.issuer.issuerUri());
            return infrastructure;
        } catch (CompletionException e) {
            kafka.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    static SharedInfrastructure current() {
        SharedInfrastructure infrastructure = current;
        if (infrastructure == null) {
            throw new IllegalStateException(
                    "The local infrastructure is not started: annotate the test class with @LocalInfrastructure");
        }
        return infrastructure;
    }

    /** The properties Spring Boot reads (system properties outrank application.yml). */
    Map<String, String> springProperties() {
        return Map.of(
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "spring.mongodb.host", "127.0.0.1",
                "spring.mongodb.port", String.valueOf(mongo.port()),
                // a spring.mongodb.uri in application.yml would win over host/port: override it too
                "spring.mongodb.uri", mongo.connectionString(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuerUri());
    }

    void applySystemProperties() {
        springProperties().forEach(System::setProperty);
    }

    KafkaBroker kafka() {
        return kafka;
    }

    MongoWireServer mongo() {
        return mongo;
    }

    TestIssuer issuer() {
        return issuer;
    }

    @Override
    public void close() {
        current = null;
        springProperties().keySet().forEach(System::clearProperty);
        mongo.close();
        kafka.close();
        deleteRecursively(kafkaDir);
        // the issuer is TestIssuer.shared(): it lives until the JVM exits (daemon threads)
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not delete {}: {}", dir, e.toString());
        }
    }
}
