package fr.maillage.subscription.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.subscription.outbound.AddressPolicy.Kind;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressPolicyTests {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "8.8.8.8, PUBLIC",
        "93.184.215.14, PUBLIC",
        "127.0.0.1, LOOPBACK",
        "127.255.0.9, LOOPBACK",
        "10.1.2.3, PRIVATE",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "172.32.0.1, PUBLIC",
        "192.168.1.1, PRIVATE",
        "100.64.0.1, PRIVATE",
        "100.127.255.254, PRIVATE",
        "100.128.0.1, PUBLIC",
        "169.254.169.254, LINK_LOCAL",
        "224.0.0.1, MULTICAST",
        "239.255.255.250, MULTICAST",
        "0.0.0.0, UNSPECIFIED",
        "0.1.2.3, RESERVED",
        "192.0.2.10, RESERVED",
        "198.51.100.7, RESERVED",
        "203.0.113.9, RESERVED",
        "198.18.0.1, RESERVED",
        "240.0.0.1, RESERVED",
        "255.255.255.255, RESERVED"
    })
    void classifiesIpv4(String address, Kind kind) throws UnknownHostException {
        assertThat(AddressPolicy.classify(InetAddress.getByName(address))).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "2606:4700:4700::1111, PUBLIC",
        "2a00:1450:4007:80c::200e, PUBLIC",
        "::1, LOOPBACK",
        "::, UNSPECIFIED",
        "fc00::1, PRIVATE",
        "fd12:3456:789a::1, PRIVATE",
        "fec0::1, PRIVATE",
        "fe80::1, LINK_LOCAL",
        "febf::1, LINK_LOCAL",
        "ff02::1, MULTICAST",
        "2001:db8::1, RESERVED",
        "100::1, RESERVED",
        "2001::1, RESERVED"
    })
    void classifiesIpv6(String address, Kind kind) throws UnknownHostException {
        assertThat(AddressPolicy.classify(InetAddress.getByName(address))).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "0:0:0:0:0:ffff:7f00:1, LOOPBACK",
        "0:0:0:0:0:ffff:a00:1, PRIVATE",
        "0:0:0:0:0:ffff:a9fe:a9fe, LINK_LOCAL",
        "0:0:0:0:0:ffff:808:808, PUBLIC",
        "::10.0.0.1, PRIVATE",
        "::127.0.0.2, LOOPBACK",
        "64:ff9b::a00:1, PRIVATE",
        "64:ff9b::808:808, PUBLIC",
        "2002:c0a8:101::1, PRIVATE",
        "2002:808:808::1, PUBLIC"
    })
    void judgesIpv6AddressesCarryingIpv4ByTheirIpv4Address(String address, Kind kind) {
        // Built from bytes: InetAddress.getByName turns ::ffff:a.b.c.d into an Inet4Address by itself.
        assertThat(AddressPolicy.classify(AddressPolicy.literal(ipv6Bytes(address))))
                .isEqualTo(kind);
    }

    private static byte[] ipv6Bytes(String address) {
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed.getAddress().length == 16) {
                return parsed.getAddress();
            }
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
            return mapped;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
