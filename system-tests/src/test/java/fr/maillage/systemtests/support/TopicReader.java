package fr.maillage.systemtests.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's event topics read directly from the broker, every partition from its beginning, without a
 * consumer group: the truth a partner's deliveries are compared with. {@link #catchUp()} reads up to the
 * end offsets of the moment, so it can be called again and again while events keep coming.
 */
public final class TopicReader implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CATCH_UP = Duration.ofSeconds(20);

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final List<JsonNode> events = new ArrayList<>();

    public TopicReader(String... topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningPlatform.kafkaBootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(config);
        for (String topic : topics) {
            consumer.partitionsFor(topic, CATCH_UP)
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what the topics hold now; returns every event read since the beginning, in read order. */
    public List<JsonNode> catchUp() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, CATCH_UP);
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read the topics up to " + end + " in " + CATCH_UP);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                events.add(JSON.readTree(record.value()));
            }
        }
        return List.copyOf(events);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
