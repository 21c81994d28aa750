package fr.maillage.subscription.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackAddressPolicyTests {

    /** A DNS answering a fixed table: no network. */
    private static final HostResolver DNS = host -> {
        Map<String, String[]> table = Map.of(
                "partner.example", new String[] {"93.184.215.14"},
                "internal.example", new String[] {"10.0.0.5"},
                "rebind.example", new String[] {"93.184.215.14", "192.168.0.10"},
                "metadata.example", new String[] {"169.254.169.254"},
                "v6.example", new String[] {"2606:4700:4700::1111"},
                "v6-private.example", new String[] {"fd00::1"},
                "localhost", new String[] {"127.0.0.1", "::1"});
        String[] addresses = table.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] resolved = new InetAddress[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            resolved[i] = InetAddress.getByName(addresses[i]);
        }
        return resolved;
    };

    private final CallbackAddressPolicy production = new CallbackAddressPolicy(DNS, false);
    private final CallbackAddressPolicy localStack = new CallbackAddressPolicy(DNS, true);

    @Test
    void anHttpsUrlOfAPublicHostIsAllowedAndPinnedToItsAddresses() {
        CallbackAddressPolicy.Resolved resolved = production.resolve(URI.create("https://partner.example/hooks"));

        assertThat(resolved.host()).isEqualTo("partner.example");
        assertThat(resolved.addresses()).extracting(InetAddress::getHostAddress).containsExactly("93.184.215.14");
        production.check(URI.create("https://v6.example:8443/hooks"));
    }

    @Test
    void aHostNameResolvingToAPrivateAddressIsRefused() {
        assertRefused(production, "https://internal.example/hooks", "private-address");
        assertRefused(production, "https://v6-private.example/hooks", "private-address");
        assertRefused(production, "https://metadata.example/latest", "link-local-address");
    }

    @Test
    void oneNonPublicAddressAmongSeveralIsEnoughToRefuse() {
        assertRefused(production, "https://rebind.example/hooks", "private-address");
    }

    @Test
    void plainHttpUnresolvableHostsAndOddUrlsAreRefused() {
        assertRefused(production, "http://partner.example/hooks", "not-https");
        assertRefused(production, "ftp://partner.example/hooks", "not-https");
        assertRefused(production, "https://nowhere.example/hooks", "unresolvable-host");
        assertRefused(production, "https://user:pw@partner.example/hooks", "invalid-url");
        assertRefused(production, "/relative/hooks", "invalid-url");
    }

    @Test
    void literalAddressesAreJudgedWithoutDns() {
        assertRefused(production, "https://127.0.0.1:8443/hooks", "loopback-address");
        assertRefused(production, "https://[::1]/hooks", "loopback-address");
        assertRefused(production, "https://[::ffff:10.0.0.1]/hooks", "private-address");
        assertRefused(production, "https://224.0.0.1/hooks", "multicast-address");
        assertRefused(production, "https://0.0.0.0/hooks", "reserved-address");
        production.check(URI.create("https://8.8.8.8/hooks"));
    }

    @Test
    void loopbackOnlyWhereConfigurationAllowsItAndHttpOnlyForLoopback() {
        assertRefused(production, "http://localhost:8099/hooks", "not-https");
        assertRefused(production, "https://localhost:8099/hooks", "loopback-address");

        localStack.check(URI.create("http://127.0.0.1:8099/hooks"));
        localStack.check(URI.create("http://localhost:8099/hooks"));
        assertRefused(localStack, "http://partner.example/hooks", "not-https");
        assertRefused(localStack, "https://internal.example/hooks", "private-address");
    }

    private static void assertRefused(CallbackAddressPolicy policy, String url, String reason) {
        assertThatThrownBy(() -> policy.check(URI.create(url)))
                .as(url)
                .isInstanceOfSatisfying(
                        CallbackRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(reason));
    }
}
