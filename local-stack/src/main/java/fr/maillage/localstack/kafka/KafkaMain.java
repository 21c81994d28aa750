package fr.maillage.localstack.kafka;

import fr.maillage.localstack.launch.Launcher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code KafkaMain --data <dir> [--port 9092] [--controller-port 9093]}: the local Kafka broker as
 * a foreground process, stopped cleanly by SIGTERM; exit code 2 when a port is busy.
 */
public final class KafkaMain {

    static final String USAGE = "KafkaMain --data <dir> [--port 9092] [--controller-port 9093]";

    private KafkaMain() {}

    public static void main(String[] args) {
        Launcher.configureLogging();
        Launcher.runUntilStopped(start(args, System.out, System.err), "Kafka broker");
    }

    static Launcher.Started start(String[] args, PrintStream out, PrintStream err) {
        return Launcher.start(
                args,
                USAGE,
                Set.of("data", "port", "controller-port"),
                options -> KafkaBroker.start(
                        Path.of(options.required("data")),
                        options.port("port", 9092),
                        options.port("controller-port", 9093)),
                server -> "Kafka broker ready on " + ((KafkaBroker) server).bootstrapServers() + " (controller "
                        + ((KafkaBroker) server).controllerPort() + ", data in " + ((KafkaBroker) server).dataDir()
                        + ").",
                out,
                err);
    }
}
