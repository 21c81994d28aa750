package fr.maillage.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.localstack.net.PortInUseException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void formatsANewDirectoryAndKeepsRecordsAcrossARestart() throws Exception {
        String bootstrap;
        try (KafkaBroker broker = KafkaBroker.start(dataDir, 0, 0)) {
            bootstrap = broker.bootstrapServers();
            assertThat(bootstrap).startsWith("127.0.0.1:");
            assertThat(dataDir.resolve("meta.properties")).exists();
            produce(bootstrap, "referral.events.v1", "ref-1", "created");
        }
        // same directory, same ports: no second format, the record is still there
        int port = Integer.parseInt(bootstrap.substring(bootstrap.indexOf(':') + 1));
        try (KafkaBroker restarted = KafkaBroker.start(dataDir, port, 0)) {
            assertThat(restarted.bootstrapServers()).isEqualTo(bootstrap);
            assertThat(consume(bootstrap, "referral.events.v1", 1)).containsExactly("ref-1=created");
        }
    }

    @Test
    void reportsABusyBrokerPortInOneSentence() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int busy = squatter.getLocalPort();

            assertThatThrownBy(() -> KafkaBroker.start(dataDir, busy, 0))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("Kafka broker cannot start: port " + busy + " on 127.0.0.1 is already in use"
                            + " (another instance is probably running; stop it or choose another port).");
            assertThat(Files.list(dataDir)).isEmpty(); // failed before touching the storage
        }
    }

    @Test
    void bindsLoopbackOnly() {
        Map<String, Object> properties = KafkaBroker.serverProperties(dataDir, 9092, 9093);

        assertThat(properties)
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    static void produce(String bootstrap, String topic, String key, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.ACKS_CONFIG,
                "all"))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    static List<String> consume(String bootstrap, String topic, int expected) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<String> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record.key() + "=" + record.value());
                }
            }
            return records;
        }
    }
}
