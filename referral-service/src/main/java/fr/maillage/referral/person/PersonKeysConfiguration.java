package fr.maillage.referral.person;

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

/** Loads the person registry's keys from {@code maillage.persons.keyset-file}, creating them only when allowed. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersonsProperties.class)
class PersonKeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersonKeysConfiguration.class);

    @Bean
    PersonKeys personKeys(PersonsProperties properties) {
        return loadOrCreate(properties);
    }

    @Bean
    IdentityProtection identityProtection(PersonKeys keys) {
        return new IdentityProtection(keys);
    }

    static PersonKeys loadOrCreate(PersonsProperties properties) {
        Path file = properties.keysetFile();
        if (file == null) {
            throw new IllegalStateException(
                    "maillage.persons.keyset-file is not set: the person registry needs its"
                            + " keys (a local stack sets it under .maillage/ with maillage.persons.create-keyset-if-missing=true)");
        }
        try {
            if (Files.exists(file)) {
                return PersonKeys.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            if (!properties.createKeysetIfMissing()) {
                throw new IllegalStateException("The person registry keyset " + file.toAbsolutePath()
                        + " does not exist and maillage.persons.create-keyset-if-missing is false: refusing to start"
                        + " with new keys (identities encrypted with the old ones would be lost)");
            }
            return create(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the person registry keyset " + file.toAbsolutePath(), e);
        }
    }

    private static PersonKeys create(Path file) throws IOException {
        PersonKeys keys = PersonKeys.generate();
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
            Files.writeString(file, keys.serialize(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            log.warn("Generated a new person registry keyset at {} (development only)", file.toAbsolutePath());
            return keys;
        } catch (FileAlreadyExistsException raced) {
            return PersonKeys.parse(Files.readString(file, StandardCharsets.UTF_8));
        }
    }
}
