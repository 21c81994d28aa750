package fr.maillage.localstack.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/** Loopback ports: everything Maillage runs locally binds 127.0.0.1 only. */
public final class Ports {

    public static final String LOOPBACK_HOST = "127.0.0.1";

    private Ports() {}

    public static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(LOOPBACK_HOST, new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen for a literal 4-byte address
        }
    }

    /** A port that was free on 127.0.0.1 a moment ago (the caller binds it right after). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(loopback(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    /** {@code port} itself, or a free port when it is 0. */
    public static int resolve(int port, String what) {
        if (port == 0) {
            return freePort();
        }
        requireFree(port, what);
        return port;
    }

    /**
     * Fails with a {@link PortInUseException} when 127.0.0.1:{@code port} cannot be bound now, so the
     * user reads one sentence instead of a bind stack trace from deep inside a server.
     */
    public static void requireFree(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + ": invalid port " + port);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(loopback(), port));
        } catch (IOException e) {
            throw new PortInUseException(what, port);
        }
    }
}
