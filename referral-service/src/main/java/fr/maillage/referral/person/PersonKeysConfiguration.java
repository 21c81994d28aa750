package fr.maillage.referral.person;

import fr.maillage.platform.data.SecretFiles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the person registry's keys from {@code maillage.persons.keyset-file}, creating them only when allowed. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersonsProperties.class)
class PersonKeysConfiguration {

    @Bean
    PersonKeys personKeys(PersonsProperties properties) {
        return loadOrCreate(properties);
    }

    @Bean
    IdentityProtection identityProtection(PersonKeys keys) {
        return new IdentityProtection(keys);
    }

    static PersonKeys loadOrCreate(PersonsProperties properties) {
        return PersonKeys.parse(SecretFiles.readOrCreate(
                properties.keysetFile(),
                properties.createKeysetIfMissing(),
                "person registry keyset",
                "maillage.persons",
                () -> PersonKeys.generate().serialize()));
    }
}
