package fr.maillage.localstack.launch;

import fr.maillage.localstack.net.PortInUseException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * Runs one server as a foreground process for {@code ./maillage}: parses {@code --name value}
 * options, starts the server, prints one line when it is ready, and closes it on SIGTERM (a JVM
 * shutdown hook). Exit codes: 2 when a port is busy, 64 on a usage error, 1 on another failure.
 */
public final class Launcher {

    public static final int EXIT_PORT_IN_USE = 2;
    public static final int EXIT_USAGE = 64;
    public static final int EXIT_FAILURE = 1;

    private static final String LOGBACK_CONFIG = "fr/maillage/localstack/launcher-logback.xml";

    private Launcher() {}

    /** A started server, or the exit code of a failed start. */
    public record Started(AutoCloseable server, int exitCode) {}

    /** Points logback at the launchers' configuration; call first thing in a main, before any logger exists. */
    public static void configureLogging() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
        }
    }

    /**
     * Parses {@code args} (only {@code allowed} option names), starts the server and prints {@code
     * ready} of it on {@code out}; on failure prints one sentence on {@code err} and returns an exit code.
     */
    public static Started start(
            String[] args,
            String usage,
            Set<String> allowed,
            Function<Options, AutoCloseable> starter,
            Function<AutoCloseable, String> ready,
            PrintStream out,
            PrintStream err) {
        Options options;
        try {
            options = Options.parse(args, allowed);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("usage: " + usage);
            return new Started(null, EXIT_USAGE);
        }
        try {
            AutoCloseable server = starter.apply(options);
            out.println(ready.apply(server));
            out.flush();
            return new Started(server, 0);
        } catch (PortInUseException e) {
            err.println(e.getMessage());
            return new Started(null, EXIT_PORT_IN_USE);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("usage: " + usage);
            return new Started(null, EXIT_USAGE);
        } catch (RuntimeException e) {
            err.println("Start failed: " + e.getMessage());
            e.printStackTrace(err);
            return new Started(null, EXIT_FAILURE);
        }
    }

    /** Exits with the start's code on failure; otherwise blocks until SIGTERM/SIGINT, then closes the server. */
    public static void runUntilStopped(Started started, String name) {
        if (started.server() == null) {
            System.exit(started.exitCode());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                started.server().close();
                                System.out.println(name + " stopped.");
                            } catch (Exception e) {
                                System.err.println(name + " did not stop cleanly: " + e);
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "local-stack-shutdown"));
        try {
            stopped.await(); // the server's own threads do the work; the shutdown hook releases us
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code --name value} pairs. */
    public static final class Options {

        private final Map<String, String> values;

        private Options(Map<String, String> values) {
            this.values = values;
        }

        static Options parse(String[] args, Set<String> allowed) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--") || !allowed.contains(arg.substring(2))) {
                    throw new IllegalArgumentException("Unknown option: " + arg);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Missing value after " + arg);
                }
                values.put(arg.substring(2), args[++i]);
            }
            return new Options(values);
        }

        public String required(String name) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("Missing option --" + name);
            }
            return value;
        }

        public int port(String name, int defaultPort) {
            String value = values.get(name);
            if (value == null) {
                return defaultPort;
            }
            try {
                int port = Integer.parseInt(value);
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a port number, not '" + value + "'");
            }
        }
    }
}
