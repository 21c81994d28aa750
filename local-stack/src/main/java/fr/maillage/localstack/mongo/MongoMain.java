package fr.maillage.localstack.mongo;

import fr.maillage.localstack.launch.Launcher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code MongoMain --data <dir> [--port 27017]}: the file-backed MongoDB wire server (H2 file
 * {@code <dir>/mongo.mv.db}) as a foreground process, stopped cleanly by SIGTERM; exit code 2 when
 * the port is busy.
 */
public final class MongoMain {

    static final String USAGE = "MongoMain --data <dir> [--port 27017]";
    static final String FILE_NAME = "mongo.mv.db";

    private MongoMain() {}

    public static void main(String[] args) {
        Launcher.configureLogging();
        Launcher.runUntilStopped(start(args, System.out, System.err), "MongoDB wire server");
    }

    static Launcher.Started start(String[] args, PrintStream out, PrintStream err) {
        return Launcher.start(
                args,
                USAGE,
                Set.of("data", "port"),
                options -> MongoWireServer.file(
                        Path.of(options.required("data")).resolve(FILE_NAME), options.port("port", 27017)),
                server -> "MongoDB wire server ready on " + ((MongoWireServer) server).connectionString() + ".",
                out,
                err);
    }
}
