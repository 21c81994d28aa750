package fr.maillage.subscription.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SigningSecretsTests {

    private final SigningSecrets secrets = SigningSecrets.generate();

    @Test
    void aNewSecretIsWhsecAndThirtyTwoRandomBytes() {
        String secret = secrets.newSecret();

        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length())))
                .hasSize(32);
        assertThat(secrets.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void aSealedSecretOpensForItsSubscriptionOnlyAndDoesNotShowTheSecret() {
        String secret = secrets.newSecret();

        String sealed = secrets.seal(secret, "s-1");

        assertThat(sealed).doesNotContain(secret.substring(6));
        assertThat(secrets.open(sealed, "s-1")).isEqualTo(secret);
        assertThatThrownBy(() -> secrets.open(sealed, "s-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSerialisedKeysetOpensWhatTheOriginalSealed() {
        String sealed = secrets.seal("whsec_abc", "s-1");

        assertThat(SigningSecrets.parse(secrets.serialize()).open(sealed, "s-1"))
                .isEqualTo("whsec_abc");
        assertThatThrownBy(() -> SigningSecrets.generate().open(sealed, "s-1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SigningSecrets.parse("{not a keyset")).isInstanceOf(IllegalStateException.class);
    }
}
