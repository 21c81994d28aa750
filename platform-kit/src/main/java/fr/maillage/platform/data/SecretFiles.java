package fr.maillage.platform.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key file a service cannot start without (e.g. a Tink keyset sealing data at rest): read when it
 * exists; generated only where configuration allows it (developer machines, the local stack, tests),
 * owner-only from its first byte, and created at most once when two instances start together. A
 * deployment mounts its own: a missing file there stops the service rather than starting with a new key
 * that could not open what the old one sealed.
 */
public final class SecretFiles {

    private static final Logger log = LoggerFactory.getLogger(SecretFiles.class);

    private SecretFiles() {}

    /**
     * The file's content, generating it first when it is missing and {@code createIfMissing}.
     *
     * @param what for messages, e.g. {@code person registry keyset}
     * @param prefix the configuration prefix of {@code keyset-file} and {@code create-keyset-if-missing},
     *     e.g. {@code maillage.persons}
     */
    public static String readOrCreate(
            Path file, boolean createIfMissing, String what, String prefix, Supplier<String> generate) {
        if (file == null) {
            throw new IllegalStateException(prefix + ".keyset-file is not set: the " + what + " is needed (a local"
                    + " stack sets it under .maillage/ with " + prefix + ".create-keyset-if-missing=true)");
        }
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            if (!createIfMissing) {
                throw new IllegalStateException("The " + what + " " + file.toAbsolutePath() + " does not exist and "
                        + prefix + ".create-keyset-if-missing is false: refusing to start with a new key (what the"
                        + " old one sealed would be lost)");
            }
            return create(file, what, generate);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + what + " " + file.toAbsolutePath(), e);
        }
    }

    private static String create(Path file, String what, Supplier<String> generate) throws IOException {
        String content = generate.get();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            // Owner-only from the first byte, and CREATE_NEW so two instances starting together keep one key.
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            log.warn("Generated a new {} at {} (development only)", what, file.toAbsolutePath());
            return content;
        } catch (FileAlreadyExistsException raced) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
    }
}
