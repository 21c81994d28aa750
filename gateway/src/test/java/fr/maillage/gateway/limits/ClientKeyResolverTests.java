package fr.maillage.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientKeyResolverTests {

    @Test
    void keyIsTheClientAndTheSubject() {
        assertThat(ClientKeyResolver.keyOf("partner-epsm", "5f0c")).isEqualTo("partner-epsm|5f0c");
    }

    @Test
    void aMissingPartIsMarkedButBothMissingIsNoKey() {
        assertThat(ClientKeyResolver.keyOf(null, "5f0c")).isEqualTo("-|5f0c");
        assertThat(ClientKeyResolver.keyOf("maillage-console", null)).isEqualTo("maillage-console|-");
        assertThat(ClientKeyResolver.keyOf(null, null)).isNull();
    }

    @Test
    void aCallerWithoutATokenIsLimitedByItsAddress() {
        assertThat(ClientKeyResolver.anonymousKeyOf(new java.net.InetSocketAddress("127.0.0.1", 5432)))
                .isEqualTo("anonymous|127.0.0.1");
        assertThat(ClientKeyResolver.anonymousKeyOf(null)).isEqualTo("anonymous|-");
    }
}
