package fr.maillage.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.localstack.launch.Launcher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaMainTests {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void busyControllerPortExitsWithCode2AndOneSentence() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int busy = squatter.getLocalPort();

            Launcher.Started started = KafkaMain.start(
                    new String[] {"--data", dataDir.toString(), "--port", "0", "--controller-port", "" + busy},
                    print(out),
                    print(err));

            assertThat(started.exitCode()).isEqualTo(Launcher.EXIT_PORT_IN_USE);
            assertThat(started.server()).isNull();
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .isEqualTo("Kafka controller cannot start: port " + busy + " on 127.0.0.1 is already in use"
                            + " (another instance is probably running; stop it or choose another port)."
                            + System.lineSeparator());
            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        }
    }

    @Test
    void missingDataDirectoryIsAUsageError() {
        Launcher.Started started = KafkaMain.start(new String[] {"--port", "9092"}, print(out), print(err));

        assertThat(started.exitCode()).isEqualTo(Launcher.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Missing option --data")
                .contains("usage: KafkaMain --data <dir>");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Launcher.Started started =
                KafkaMain.start(new String[] {"--data", "x", "--bogus", "1"}, print(out), print(err));

        assertThat(started.exitCode()).isEqualTo(Launcher.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Unknown option: --bogus");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
