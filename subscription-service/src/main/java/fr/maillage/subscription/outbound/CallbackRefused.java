package fr.maillage.subscription.outbound;

/** A callback URL that may not be called, with a reason code (e.g. {@code private-address}). */
public final class CallbackRefused extends RuntimeException {

    private final String reason;

    public CallbackRefused(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * {@code not-https}, {@code invalid-url}, {@code unresolvable-host}, {@code loopback-address}, {@code
     * private-address}, {@code link-local-address}, {@code multicast-address}, {@code reserved-address}.
     */
    public String reason() {
        return reason;
    }
}
