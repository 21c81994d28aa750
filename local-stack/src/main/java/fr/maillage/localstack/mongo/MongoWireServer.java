package fr.maillage.localstack.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import fr.maillage.localstack.net.PortInUseException;
import fr.maillage.localstack.net.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server ({@code de.bwaldvogel:mongo-java-server}) on 127.0.0.1, with the
 * oplog enabled so change streams work. No multi-document transactions: see DESIGN §4.
 */
public final class MongoWireServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoWireServer.class);

    private final MongoServer server;
    private final int port;
    private boolean closed;

    private MongoWireServer(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** A server keeping everything in memory (tests). Port 0 picks a free loopback port. */
    public static MongoWireServer memory(int port) {
        return start(MemoryBackend::new, port, "in memory");
    }

    /**
     * A server keeping its data in the H2 MVStore file {@code h2File} (created if missing), so data
     * and indexes survive a restart. Port 0 picks a free loopback port.
     */
    public static MongoWireServer file(Path h2File, int port) {
        Path file = h2File.toAbsolutePath().normalize();
        return start(() -> new H2Backend(createParent(file).toString()), port, "in " + file);
    }

    private static MongoWireServer start(Supplier<MongoBackend> backend, int port, String where) {
        // check the port before opening (and locking) an H2 file, so a busy port fails cleanly
        int resolved = Ports.resolve(port, "MongoDB wire server");
        MongoServer server = new MongoServer(backend.get());
        server.enableOplog();
        try {
            server.bind(Ports.LOOPBACK_HOST, resolved);
        } catch (RuntimeException e) {
            server.shutdownNow();
            if (causedByBind(e)) {
                throw new PortInUseException("MongoDB wire server", resolved);
            }
            throw e;
        }
        log.info("MongoDB wire server ready on 127.0.0.1:{} (data {})", resolved, where);
        return new MongoWireServer(server, resolved);
    }

    /** {@code mongodb://127.0.0.1:<port>} (no database: each service names its own). */
    public String connectionString() {
        return "mongodb://" + Ports.LOOPBACK_HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Stops listening and closes the backend (the H2 file is committed and released). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdownNow();
        log.info("MongoDB wire server on 127.0.0.1:{} stopped", port);
    }

    private static Path createParent(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of " + file, e);
        }
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
