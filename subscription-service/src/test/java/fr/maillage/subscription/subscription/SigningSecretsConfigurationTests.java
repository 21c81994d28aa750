package fr.maillage.subscription.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningSecretsConfigurationTests {

    @TempDir
    Path dir;

    @Test
    void aMissingKeysetIsCreatedOnlyWhenAllowedAndThenReusedAcrossRestarts() throws Exception {
        Path file = dir.resolve("secrets/keyset.json");

        SigningSecrets first = SigningSecretsConfiguration.loadOrCreate(new SubscriptionProperties.Secrets(file, true));
        String sealed = first.seal("whsec_abc", "s-1");
        SigningSecrets afterRestart =
                SigningSecretsConfiguration.loadOrCreate(new SubscriptionProperties.Secrets(file, false));

        assertThat(Files.exists(file)).isTrue();
        assertThat(afterRestart.open(sealed, "s-1")).isEqualTo("whsec_abc");
    }

    @Test
    void aDeploymentWithoutItsKeysetRefusesToStart() {
        Path missing = dir.resolve("nowhere.json");

        assertThatThrownBy(() ->
                        SigningSecretsConfiguration.loadOrCreate(new SubscriptionProperties.Secrets(missing, false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("create-keyset-if-missing");
        assertThatThrownBy(
                        () -> SigningSecretsConfiguration.loadOrCreate(new SubscriptionProperties.Secrets(null, true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maillage.subscription.secrets.keyset-file");
        assertThat(Files.exists(missing)).isFalse();
    }
}
