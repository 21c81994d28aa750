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
}
