package fr.maillage.subscription.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@link CallbackPolicy}: an absolute {@code https} URL without user info, whose host resolves, and
 * resolves only to public addresses ({@link AddressPolicy}). With {@code allowLoopback} (local stack and
 * tests only) a host resolving only to loopback addresses is allowed, over plain {@code http} too. The
 * sender calls {@link #resolve} once per attempt and connects to exactly the addresses it returns.
 */
public final class CallbackAddressPolicy implements CallbackPolicy {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final HostResolver resolver;
    private final boolean allowLoopback;

    public CallbackAddressPolicy(HostResolver resolver, boolean allowLoopback) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.allowLoopback = allowLoopback;
    }

    /** A callback's host and the checked addresses to connect to (nothing else may be used). */
    public record Resolved(String host, List<InetAddress> addresses) {

        public Resolved {
            addresses = List.copyOf(addresses);
        }
    }

    @Override
    public void check(URI callback) {
        resolve(callback);
    }

    /** Checks the URL, resolves its host once and checks every address. */
    public Resolved resolve(URI callback) {
        if (callback == null || !callback.isAbsolute() || callback.isOpaque() || callback.getHost() == null) {
            throw new CallbackRefused("invalid-url", "The callback must be an absolute URL with a host.");
        }
        if (callback.getRawUserInfo() != null || callback.getRawFragment() != null) {
            throw new CallbackRefused("invalid-url", "The callback must not carry user info or a fragment.");
        }
        String scheme = callback.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        if (!https && !(allowLoopback && scheme.equals("http"))) {
            throw new CallbackRefused("not-https", "The callback must be an https URL.");
        }
        String host = callback.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = isLiteral(host) ? new InetAddress[] {InetAddress.getByName(host)} : resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            throw new CallbackRefused("unresolvable-host", "The callback's host does not resolve.");
        }
        if (addresses == null || addresses.length == 0) {
            throw new CallbackRefused("unresolvable-host", "The callback's host does not resolve.");
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            AddressPolicy.Kind kind = AddressPolicy.classify(address);
            boolean allowed =
                    kind == AddressPolicy.Kind.PUBLIC || (allowLoopback && kind == AddressPolicy.Kind.LOOPBACK);
            if (!allowed) {
                throw new CallbackRefused(
                        kind.reason(),
                        "The callback's host resolves to a "
                                + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + " address.");
            }
            allLoopback &= kind == AddressPolicy.Kind.LOOPBACK;
        }
        if (!https && !allLoopback) {
            throw new CallbackRefused("not-https", "The callback must be an https URL.");
        }
        return new Resolved(host, List.of(addresses));
    }

    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || IPV4_LITERAL.matcher(host).matches();
    }
}
