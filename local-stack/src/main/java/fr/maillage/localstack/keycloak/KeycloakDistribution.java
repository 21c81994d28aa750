package fr.maillage.localstack.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks {@code org.keycloak:keycloak-quarkus-dist:<version>:zip} from the local Maven repository
 * and drops the realm JSON into its {@code data/import/} directory, so that
 * {@code <dist>/bin/kc.sh start-dev --import-realm} starts Keycloak with the realm.
 *
 * <p>Command line: {@code KeycloakDistribution --home <dir> --realm <realm.json> [--version <v>]};
 * prints the distribution directory on stdout and exits 0, or prints one sentence on stderr and exits 2.
 */
public final class KeycloakDistribution {

    /** Keep in step with {@code keycloak.version} in the root pom.xml (the zip the build downloads). */
    public static final String DEFAULT_VERSION = "26.5.6";

    /** Records which zip a distribution came from (the unpack itself is made atomic by a rename). */
    static final String COMPLETE_MARKER = ".maillage-unpacked";

    private static final Set<String> OPTIONS = Set.of("--home", "--realm", "--version");

    private KeycloakDistribution() {}

    /** Thrown for every problem the user can fix (missing zip, missing realm file, bad arguments). */
    public static final class DistributionException extends RuntimeException {
        public DistributionException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        try {
            Map<String, String> options = parse(args);
            Path home = Path.of(required(options, "--home"));
            Path realm = Path.of(required(options, "--realm"));
            String version = options.getOrDefault("--version", DEFAULT_VERSION);
            Path dist = prepare(zipIn(localRepository(), version), home, realm);
            System.out.println(dist.toAbsolutePath());
        } catch (DistributionException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (UncheckedIOException e) {
            System.err.println("Could not prepare Keycloak: " + e.getCause().getMessage());
            System.exit(2);
        }
    }

    /**
     * The local Maven repository: {@code -Dmaven.repo.local}, else the {@code MAVEN_REPO_LOCAL}
     * environment variable, else {@code ~/.m2/repository}.
     */
    public static Path localRepository() {
        String property = System.getProperty("maven.repo.local");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("MAVEN_REPO_LOCAL");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** Where Maven stores the distribution zip of that version in that repository. */
    public static Path zipIn(Path mavenRepository, String version) {
        return mavenRepository
                .resolve("org/keycloak/keycloak-quarkus-dist")
                .resolve(version)
                .resolve("keycloak-quarkus-dist-" + version + ".zip");
    }

    /**
     * Unpacks {@code zip} under {@code home} unless already done, copies {@code realmJson} into
     * {@code <dist>/data/import/} (replacing an older copy) and returns the distribution directory.
     */
    public static Path prepare(Path zip, Path home, Path realmJson) {
        if (!Files.isRegularFile(zip)) {
            throw new DistributionException(
                    "Keycloak distribution not found at " + zip
                            + ": build the local-stack module once with network access (./mvnw -pl local-stack install -DskipTests) to download it.");
        }
        if (!Files.isRegularFile(realmJson)) {
            throw new DistributionException("Realm file not found: " + realmJson + ".");
        }
        try {
            Files.createDirectories(home);
            Path dist = home.resolve(topDirectory(zip));
            if (!Files.exists(dist)) {
                unpack(zip, home, dist);
            } else if (!Files.exists(dist.resolve(COMPLETE_MARKER))
                    && !Files.isRegularFile(dist.resolve("lib").resolve("quarkus-run.jar"))) {
                // Never delete it: it may hold a Keycloak database someone cares about.
                throw new DistributionException(
                        dist + " exists but is not a Keycloak distribution: move it away and run again.");
            }
            Path importDir = Files.createDirectories(dist.resolve("data").resolve("import"));
            Files.copy(
                    realmJson,
                    importDir.resolve(realmJson.getFileName().toString()),
                    StandardCopyOption.REPLACE_EXISTING);
            return dist;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single top-level directory of the zip ({@code keycloak-<version>}). */
    static String topDirectory(Path zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            if (entry == null) {
                throw new DistributionException("Keycloak distribution " + zip + " is empty.");
            }
            String name = entry.getName();
            int slash = name.indexOf('/');
            return slash < 0 ? name : name.substring(0, slash);
        }
    }

    private static void unpack(Path zip, Path home, Path dist) throws IOException {
        // Unpack beside the target and rename at the end: an interrupted unpack leaves no half distribution.
        Path staging = Files.createTempDirectory(home, ".unpacking-");
        try {
            try (InputStream raw = Files.newInputStream(zip);
                    ZipInputStream in = new ZipInputStream(raw)) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    Path target = staging.resolve(entry.getName()).normalize();
                    if (!target.startsWith(staging)) {
                        throw new DistributionException(
                                "Refusing zip entry outside the target directory: " + entry.getName() + ".");
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Path unpacked = staging.resolve(dist.getFileName().toString());
            // java.util.zip does not keep Unix modes: give the scripts their exec bit back.
            makeScriptsExecutable(unpacked.resolve("bin"));
            Files.writeString(unpacked.resolve(COMPLETE_MARKER), zip.toString());
            try {
                Files.move(unpacked, dist, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(unpacked, dist);
            }
        } finally {
            deleteRecursively(staging);
        }
    }

    private static void makeScriptsExecutable(Path bin) throws IOException {
        if (!Files.isDirectory(bin)
                || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (Stream<Path> files = Files.list(bin)) {
            for (Path script : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".sh"))::iterator) {
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static Map<String, String> parse(String[] args) {
        if (args.length % 2 != 0) {
            throw usage();
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                throw usage();
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw usage();
        }
        return value;
    }

    private static DistributionException usage() {
        return new DistributionException(
                "Usage: KeycloakDistribution --home <dir> --realm <realm.json> [--version <keycloak version>]");
    }
}
