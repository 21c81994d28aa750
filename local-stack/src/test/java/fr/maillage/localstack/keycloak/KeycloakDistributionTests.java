package fr.maillage.localstack.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.localstack.keycloak.KeycloakDistribution.DistributionException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakDistributionTests {

    private static final String TOP = "keycloak-9.9.9";

    @TempDir
    Path tmp;

    @Test
    void unpacksTheDistributionRestoresExecBitsAndDropsTheRealmForImport() throws IOException {
        Path zip = fakeDistribution(tmp.resolve("kc.zip"));
        Path realm = realm("{\"realm\":\"maillage\"}");

        Path dist = KeycloakDistribution.prepare(zip, tmp.resolve("home"), realm);

        assertThat(dist).isEqualTo(tmp.resolve("home").resolve(TOP));
        assertThat(dist.resolve("bin/kc.sh")).isExecutable().hasContent("#!/bin/sh\necho kc");
        assertThat(dist.resolve("bin/kc.bat")).exists();
        assertThat(dist.resolve("lib/quarkus-run.jar")).exists();
        assertThat(dist.resolve("data/import/maillage-realm.json")).hasContent("{\"realm\":\"maillage\"}");
        try (var leftovers = Files.list(tmp.resolve("home"))) {
            assertThat(leftovers).as("no staging directory left behind").containsExactly(dist);
        }
    }

    @Test
    void preparingAgainKeepsKeycloaksDataAndRefreshesTheRealmFile() throws IOException {
        Path zip = fakeDistribution(tmp.resolve("kc.zip"));
        Path dist = KeycloakDistribution.prepare(zip, tmp.resolve("home"), realm("old"));
        Path database = Files.createDirectories(dist.resolve("data/h2")).resolve("keycloakdb.mv.db");
        Files.writeString(database, "users and sessions");
        Files.writeString(dist.resolve("conf/keycloak.conf"), "edited by Keycloak's build");

        Path again = KeycloakDistribution.prepare(zip, tmp.resolve("home"), realm("new"));

        assertThat(again).isEqualTo(dist);
        assertThat(database).hasContent("users and sessions");
        assertThat(dist.resolve("conf/keycloak.conf")).hasContent("edited by Keycloak's build");
        assertThat(dist.resolve("data/import/maillage-realm.json")).hasContent("new");
    }

    @Test
    void aMissingZipIsReportedWithItsPath() {
        Path missing = tmp.resolve("repo/org/keycloak/keycloak-quarkus-dist/9.9.9/keycloak-quarkus-dist-9.9.9.zip");

        assertThatThrownBy(() -> KeycloakDistribution.prepare(missing, tmp.resolve("home"), realm("{}")))
                .isInstanceOf(DistributionException.class)
                .hasMessageStartingWith("Keycloak distribution not found at " + missing);
    }

    @Test
    void aDirectoryInTheWayIsNeverDeleted() throws IOException {
        Path zip = fakeDistribution(tmp.resolve("kc.zip"));
        Path stranger = Files.createDirectories(tmp.resolve("home").resolve(TOP));
        Files.writeString(stranger.resolve("precious.txt"), "keep me");

        assertThatThrownBy(() -> KeycloakDistribution.prepare(zip, tmp.resolve("home"), realm("{}")))
                .isInstanceOf(DistributionException.class)
                .hasMessageContaining("is not a Keycloak distribution");
        assertThat(stranger.resolve("precious.txt")).hasContent("keep me");
    }

    @Test
    void zipEntriesEscapingTheTargetDirectoryAreRefused() throws IOException {
        Path zip = zip(tmp.resolve("evil.zip"), Map.of(TOP + "/bin/kc.sh", "x", TOP + "/../../escaped.txt", "x"));

        assertThatThrownBy(() -> KeycloakDistribution.prepare(zip, tmp.resolve("home"), realm("{}")))
                .isInstanceOf(DistributionException.class)
                .hasMessageContaining("outside the target directory");
        assertThat(tmp.resolve("home/escaped.txt")).doesNotExist();
        try (var leftovers = Files.list(tmp.resolve("home"))) {
            assertThat(leftovers).as("staging directory removed").isEmpty();
        }
    }

    @Test
    void theZipIsLookedUpWithMavensRepositoryLayout() {
        assertThat(KeycloakDistribution.zipIn(Path.of("/repo"), "26.5.6"))
                .isEqualTo(Path.of("/repo/org/keycloak/keycloak-quarkus-dist/26.5.6/keycloak-quarkus-dist-26.5.6.zip"));
    }

    @Test
    void theCommandPrintsOnlyTheDistributionPathOrOneSentenceAndExitCode2() throws Exception {
        Path repo = tmp.resolve("repo");
        Path zip = KeycloakDistribution.zipIn(repo, "9.9.9");
        Files.createDirectories(zip.getParent());
        fakeDistribution(zip);
        Path realm = realm("{}");

        Result ok = run(
                "-Dmaven.repo.local=" + repo,
                "--home",
                tmp.resolve("home").toString(),
                "--realm",
                realm.toString(),
                "--version",
                "9.9.9");
        Result missing = run(
                "-Dmaven.repo.local=" + tmp.resolve("empty"),
                "--home",
                tmp.resolve("home").toString(),
                "--realm",
                realm.toString());
        Result badArguments = run("--hom", "x");

        assertThat(ok.exitCode()).as(ok.stderr()).isZero();
        assertThat(ok.stdout().strip())
                .isEqualTo(tmp.resolve("home").resolve(TOP).toAbsolutePath().toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stdout()).isEmpty();
        assertThat(missing.stderr().strip())
                .startsWith("Keycloak distribution not found at")
                .doesNotContain("\n");
        assertThat(badArguments.exitCode()).isEqualTo(2);
        assertThat(badArguments.stderr()).startsWith("Usage: KeycloakDistribution");
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private Result run(String... args) throws Exception {
        var command = new java.util.ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        int jvmOptions = args[0].startsWith("-D") ? 1 : 0;
        command.addAll(java.util.List.of(args).subList(0, jvmOptions));
        command.add(KeycloakDistribution.class.getName());
        command.addAll(java.util.List.of(args).subList(jvmOptions, args.length));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Path realm(String content) throws IOException {
        Path realm = tmp.resolve("maillage-realm.json");
        Files.writeString(realm, content);
        return realm;
    }

    private static Path fakeDistribution(Path target) throws IOException {
        // Same shape as keycloak-quarkus-dist: one top directory, scripts without their Unix modes.
        var entries = new java.util.LinkedHashMap<String, String>();
        entries.put(TOP + "/", null);
        entries.put(TOP + "/bin/", null);
        entries.put(TOP + "/bin/kc.sh", "#!/bin/sh\necho kc");
        entries.put(TOP + "/bin/kc.bat", "@echo kc");
        entries.put(TOP + "/conf/keycloak.conf", "# defaults");
        entries.put(TOP + "/lib/quarkus-run.jar", "jar");
        return zip(target, entries);
    }

    private static Path zip(Path target, Map<String, String> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(target);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                if (entry.getValue() != null) {
                    zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        }
        return target;
    }
}
