package fr.maillage.localstack.net;

/** A launcher could not bind its loopback port because something else already listens on it. */
public class PortInUseException extends IllegalStateException {

    private final int port;

    public PortInUseException(String what, int port) {
        super(what + " cannot start: port " + port + " on 127.0.0.1 is already in use"
                + " (another instance is probably running; stop it or choose another port).");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
