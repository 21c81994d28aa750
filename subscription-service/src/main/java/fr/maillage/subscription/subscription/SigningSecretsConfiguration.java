package fr.maillage.subscription.subscription;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(SigningSecretsConfiguration.class);

    @Bean
    SigningSecrets signingSecrets(SubscriptionProperties properties) {
        return loadOrCreate(properties.secrets());
    }

    static SigningSecrets loadOrCreate(SubscriptionProperties.Secrets properties) {
        Path file = properties.keysetFile();
        if (file == null) {
            throw new IllegalStateException("maillage.subscription.secrets.keyset-file is not set: signing secrets"
                    + " are sealed at rest with it (a local stack sets it under .maillage/ with"
                    + " maillage.subscription.secrets.create-keyset-if-missing=true)");
        }
        try {
            if (Files.exists(file)) {
                return SigningSecrets.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            if (!properties.createKeysetIfMissing()) {
                throw new IllegalStateException("The signing-secret keyset " + file.toAbsolutePath()
                        + " does not exist and maillage.subscription.secrets.create-keyset-if-missing is false:"
                        + " refusing to start with a new key (the sealed secrets would be lost)");
            }
            return create(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the signing-secret keyset " + file.toAbsolutePath(), e);
        }
    }

    private static SigningSecrets create(Path file) throws IOException {
        SigningSecrets secrets = SigningSecrets.generate();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            // Owner-only from the first byte, and CREATE_NEW so two instances starting together keep one keyset.
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, secrets.serialize(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            log.warn("Generated a new signing-secret keyset at {} (development only)", file.toAbsolutePath());
            return secrets;
        } catch (FileAlreadyExistsException raced) {
            return SigningSecrets.parse(Files.readString(file, StandardCharsets.UTF_8));
        }
    }
}
