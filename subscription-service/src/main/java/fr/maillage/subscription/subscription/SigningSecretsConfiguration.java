package fr.maillage.subscription.subscription;

import fr.maillage.platform.data.SecretFiles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the key that seals signing secrets from {@code maillage.subscription.secrets.keyset-file}, creating
 * it only when allowed (local stack, tests).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubscriptionProperties.class)
class SigningSecretsConfiguration {

    @Bean
    SigningSecrets signingSecrets(SubscriptionProperties properties) {
        return loadOrCreate(properties.secrets());
    }

    static SigningSecrets loadOrCreate(SubscriptionProperties.Secrets properties) {
        return SigningSecrets.parse(SecretFiles.readOrCreate(
                properties.keysetFile(),
                properties.createKeysetIfMissing(),
                "signing-secret keyset",
                "maillage.subscription.secrets",
                () -> SigningSecrets.generate().serialize()));
    }
}
