package fr.maillage.systemtests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the whole platform once per test JVM with the same {@code ./maillage} command users run
 * (built jars, real Kafka, MongoDB wire server and Keycloak), on ports shifted by
 * {@code maillage.port-offset}, and stops it when the JVM's tests are done.
 */
public final class RunningPlatform implements BeforeAllCallback {

    private static final Path ROOT =
            Path.of(System.getProperty("maillage.root", "..")).toAbsolutePath();
    private static final Path HOME =
            Path.of(System.getProperty("maillage.home", "target/maillage")).toAbsolutePath();
    private static final int OFFSET = Integer.getInteger("maillage.port-offset", 10000);

    /**
     * The "test profile" of the platform under test, given to every component as {@code
     * SPRING_APPLICATION_JSON} (each service binds only its own {@code maillage.<service>.*}). It
     * compresses time so that what takes hours or weeks in a territory happens within a test:
     * <ul>
     *   <li>alert-service: urgency B is due 30 s after raising instead of 4 h, and the escalation
     *       watcher looks every 2 s, so an unanswered alert escalates within the alert circuit test;
     *       30 s leaves a loaded 2-core machine time to qualify the alert first. Level 2 comes 10 min
     *       after level 1, later than any test waits, so exactly one escalation per alert is expected.
     *   <li>workshop-service: attendance may be recorded up to 60 days before a session starts
     *       (instead of 30 min), so facilitators record the sessions of a group planned a few days
     *       ahead (a first session must be in the future) without the test waiting for them.
     *   <li>meeting-service: time compressed like the alert timers: the overdue-action watcher and the
     *       sweep that places pending agenda proposals look every 2 s (instead of every minute), and
     *       attendance may be recorded up to 60 days before a meeting starts (a meeting must be
     *       scheduled in the future), so a meeting planned a few days ahead is held within the test.
     * </ul>
     */
    static final String TEST_PROFILE = """
            {"maillage":{\
            "alert":{\
            "targets":{"B":{"duration":"PT30S"}},\
            "escalation":{"interval":"PT2S","second-level-after":"PT10M"}},\
            "workshop":{\
            "attendance":{"recordable-before-start":"P60D"}},\
            "meeting":{\
            "actions":{"overdue-sweep-interval":"PT2S"},\
            "proposals":{"sweep-interval":"PT2S"},\
            "attendance":{"recordable-before-start":"P60D"}}}}""";

    /** The urgency B response-time target of {@link #TEST_PROFILE}. */
    public static final Duration URGENCY_B_TARGET = Duration.ofSeconds(30);

    public static String gateway() {
        return "http://127.0.0.1:" + (8080 + OFFSET);
    }

    /** The platform's state directory (data, logs, generated dev secrets). */
    public static Path home() {
        return HOME;
    }

    public static String kafkaBootstrapServers() {
        return "127.0.0.1:" + (9092 + OFFSET);
    }

    public static String keycloak() {
        return "http://127.0.0.1:" + (8180 + OFFSET);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningPlatform.class, key -> start(), Stopper.class);
    }

    private static Stopper start() {
        maillage(Duration.ofMinutes(2), "down"); // leftovers of an interrupted run would run old jars
        // Empty Kafka and Mongo: what an interrupted run left (e.g. an open overdue alert, first in every
        // queue sorted by due time) must not change what this run sees. Keycloak and secrets are kept.
        deleteRecursively(HOME.resolve("data"));
        maillage(Duration.ofMinutes(15), "up");
        return new Stopper();
    }

    /** Stops one component, e.g. a service, to watch the gateway's circuit breaker. */
    public static void stop(String component) {
        maillage(Duration.ofMinutes(2), "stop", component);
    }

    /** Starts one component again and waits until it is ready. */
    public static void start(String component) {
        maillage(Duration.ofMinutes(5), "start", component);
    }

    private static void maillage(Duration timeout, String... args) {
        try {
            Files.createDirectories(HOME);
            Path log = HOME.resolve("maillage-command.log");
            ProcessBuilder builder = new ProcessBuilder(
                            concat(List.of("bash", ROOT.resolve("maillage").toString()), args))
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("MAILLAGE_HOME", HOME.toString());
            builder.environment().put("MAILLAGE_PORT_OFFSET", Integer.toString(OFFSET));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("SPRING_APPLICATION_JSON", TEST_PROFILE);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "./maillage " + String.join(" ", args) + " did not finish in " + timeout + "; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./maillage " + String.join(" ", args) + " failed (exit "
                        + process.exitValue() + "): " + tail(log) + "\nsee " + log + " and " + HOME.resolve("logs"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ./maillage", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running ./maillage", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot empty " + directory, e);
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        return java.util.stream.Stream.concat(head.stream(), java.util.Arrays.stream(tail))
                .toList();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /** Stops the platform when the test JVM's root context closes. */
    static final class Stopper implements AutoCloseable {
        @Override
        public void close() {
            maillage(Duration.ofMinutes(2), "down");
        }
    }
}
