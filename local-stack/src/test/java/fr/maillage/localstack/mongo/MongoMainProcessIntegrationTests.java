package fr.maillage.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import fr.maillage.localstack.net.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MongoMain as ./maillage runs it: a separate JVM, stopped by SIGTERM. */
class MongoMainProcessIntegrationTests {

    @TempDir
    Path dir;

    private Process running;

    @AfterEach
    void killLeftover() throws InterruptedException {
        if (running != null && running.isAlive()) {
            running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void stopsCleanlyOnSigtermAndKeepsItsDataForTheNextStart() throws Exception {
        int port = Ports.freePort();
        Path data = dir.resolve("mongo");
        Path log = dir.resolve("first.log");

        running = launch(data, port, log);
        awaitOutput(log, "MongoDB wire server ready on mongodb://127.0.0.1:" + port + ".");
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            client.getDatabase("workshop").getCollection("groups").insertOne(new Document("_id", "g-1"));
        }
        running.destroy(); // SIGTERM
        assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(log)).contains("MongoDB wire server stopped.");
        assertThat(data.resolve(MongoMain.FILE_NAME)).exists();

        running = launch(data, port, dir.resolve("second.log"));
        awaitOutput(dir.resolve("second.log"), "ready on");
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            assertThat(client.getDatabase("workshop")
                            .getCollection("groups")
                            .find(new Document("_id", "g-1"))
                            .first())
                    .isNotNull();
        }
    }

    @Test
    void secondInstanceOnTheSamePortExitsWithCode2AndNoStackTrace() throws Exception {
        int port = Ports.freePort();
        running = launch(dir.resolve("first"), port, dir.resolve("first.log"));
        awaitOutput(dir.resolve("first.log"), "ready on");

        Path secondLog = dir.resolve("second.log");
        Process second = launch(dir.resolve("second"), port, secondLog);

        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isEqualTo(2);
        assertThat(Files.readString(secondLog))
                .isEqualTo("MongoDB wire server cannot start: port " + port + " on 127.0.0.1 is already in use"
                        + " (another instance is probably running; stop it or choose another port)."
                        + System.lineSeparator());
    }

    private static Process launch(Path data, int port, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(List.of(
                        java,
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        MongoMain.class.getName(),
                        "--data",
                        data.toString(),
                        "--port",
                        String.valueOf(port)))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitOutput(Path log, String expected) {
        await().atMost(Duration.ofSeconds(60)).until(() -> read(log).contains(expected));
    }

    private static String read(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(log)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
