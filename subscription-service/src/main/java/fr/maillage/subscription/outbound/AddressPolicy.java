package fr.maillage.subscription.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Classifies an IP address for outbound calls (SSRF): only {@link Kind#PUBLIC} addresses may be called
 * (loopback too where configuration allows it). IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible,
 * NAT64 ({@code 64:ff9b::/96}) and 6to4 ({@code 2002::/16}) IPv6 addresses are judged by the IPv4 address
 * they carry.
 */
public final class AddressPolicy {

    /** What an address is, with the {@link CallbackRefused#reason()} it gives when it is not public. */
    public enum Kind {
        PUBLIC(null),
        LOOPBACK("loopback-address"),
        /** 10/8, 172.16/12, 192.168/16, CGNAT 100.64/10, fc00::/7, deprecated site-local fec0::/10. */
        PRIVATE("private-address"),
        /** 169.254/16, fe80::/10. */
        LINK_LOCAL("link-local-address"),
        MULTICAST("multicast-address"),
        /** 0.0.0.0, ::. */
        UNSPECIFIED("reserved-address"),
        /** 0/8, 192.0.0/24, documentation, benchmarking, 240/4, broadcast, 2001:db8::/32, 100::/64… */
        RESERVED("reserved-address");

        private final String reason;

        Kind(String reason) {
            this.reason = reason;
        }

        /** The refusal reason code; null for a public address. */
        public String reason() {
            return reason;
        }
    }

    private AddressPolicy() {}

    public static Kind classify(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return classify4(v4.getAddress());
        }
        if (address instanceof Inet6Address v6) {
            return classify6(v6.getAddress());
        }
        return Kind.RESERVED;
    }

    private static Kind classify4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0 && a1 == 0 && a2 == 0 && b[3] == 0) {
            return Kind.UNSPECIFIED;
        }
        if (a0 == 127) {
            return Kind.LOOPBACK;
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return Kind.PRIVATE;
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Kind.PRIVATE; // CGNAT shared address space 100.64.0.0/10
        }
        if (a0 == 169 && a1 == 254) {
            return Kind.LINK_LOCAL;
        }
        if (a0 >= 224 && a0 <= 239) {
            return Kind.MULTICAST;
        }
        if (a0 == 0 // "this network"
                || a0 >= 240 // reserved 240/4 and broadcast 255.255.255.255
                || (a0 == 192 && a1 == 0 && a2 == 0) // IETF protocol assignments
                || (a0 == 192 && a1 == 0 && a2 == 2) // TEST-NET-1
                || (a0 == 198 && a1 == 51 && a2 == 100) // TEST-NET-2
                || (a0 == 203 && a1 == 0 && a2 == 113) // TEST-NET-3
                || (a0 == 198 && (a1 & 0xfe) == 18) // benchmarking 198.18/15
                || (a0 == 192 && a1 == 88 && a2 == 99)) { // deprecated 6to4 relay anycast
            return Kind.RESERVED;
        }
        return Kind.PUBLIC;
    }

    private static Kind classify6(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        boolean firstTwelveZero = firstTenZero && b[10] == 0 && b[11] == 0;
        if (firstTwelveZero) {
            boolean lastFourZero = b[12] == 0 && b[13] == 0 && b[14] == 0;
            if (lastFourZero && b[15] == 0) {
                return Kind.UNSPECIFIED;
            }
            if (lastFourZero && b[15] == 1) {
                return Kind.LOOPBACK;
            }
            // IPv4-compatible ::a.b.c.d (deprecated): judged by its IPv4 address, never more public than that.
            return classify4(tail4(b));
        }
        if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return classify4(tail4(b)); // IPv4-mapped ::ffff:a.b.c.d
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return classify4(tail4(b)); // NAT64 64:ff9b::/96 (and the local-use 64:ff9b:1::/48)
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return classify4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4 2002:a.b.c.d::/48
        }
        if (b0 == 0xff) {
            return Kind.MULTICAST;
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return Kind.LINK_LOCAL; // fe80::/10
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return Kind.PRIVATE; // deprecated site-local fec0::/10
        }
        if ((b0 & 0xfe) == 0xfc) {
            return Kind.PRIVATE; // unique local fc00::/7
        }
        if (b0 == 0x20 && b1 == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Kind.RESERVED; // documentation 2001:db8::/32
        }
        if (b0 == 0x01 && b1 == 0x00 && b[2] == 0 && b[3] == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) {
            return Kind.RESERVED; // discard-only 100::/64
        }
        if (b0 == 0x20 && b1 == 0x01 && b[2] == 0 && (b[3] & 0xfe) == 0) {
            return Kind.RESERVED; // Teredo 2001::/32 and ORCHID-like 2001:1::/32 (IETF protocol assignments)
        }
        if ((b0 & 0xe0) != 0x20) {
            return Kind.RESERVED; // outside global unicast 2000::/3
        }
        return Kind.PUBLIC;
    }

    private static byte[] tail4(byte[] b) {
        return new byte[] {b[12], b[13], b[14], b[15]};
    }

    /** The address of a literal (tests, diagnostics): never a DNS look-up. */
    static InetAddress literal(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
