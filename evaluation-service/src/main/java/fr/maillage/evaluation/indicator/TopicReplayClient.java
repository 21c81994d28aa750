package fr.maillage.evaluation.indicator;

import fr.maillage.platform.events.CloudEventCodec;
import fr.maillage.platform.events.InvalidEventException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the projected topics from their first offset to the end offsets read when it starts, with a
 * dedicated consumer (no group, nothing committed), and hands each polled batch's fact updates to a sink:
 * the same fold as the live listener ({@link IndicatorEvents#factsOf}). Events past those end offsets are the
 * live listener's. Records that are not valid events are skipped here (the live listener sent them to the
 * dead-letter topic).
 */
public final class TopicReplayClient {

    private static final Logger log = LoggerFactory.getLogger(TopicReplayClient.class);

    private final Map<String, Object> consumerConfig;
    private final List<String> topics;
    private final Duration pollTimeout;
    private final CloudEventCodec codec;

    /**
     * @param consumerConfig the Kafka client settings (bootstrap servers, security...); group, commits and
     *     deserialisers are set here
     * @param batchSize the most records per poll
     */
    public TopicReplayClient(
            Map<String, Object> consumerConfig,
            List<String> topics,
            int batchSize,
            Duration pollTimeout,
            CloudEventCodec codec) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "evaluation-indicators-replay");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig = config;
        this.topics = List.copyOf(topics);
        this.pollTimeout = Objects.requireNonNull(pollTimeout, "pollTimeout");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /**
     * What a replay went through.
     *
     * @param end the offsets it stopped at (where a later replay may resume)
     */
    public record Replayed(long records, long invalid, Map<TopicPartition, Long> end) {

        public Replayed {
            end = Map.copyOf(end);
        }
    }

    /** Replays every topic from its beginning to its end offsets as they are now. */
    public Replayed replay(Consumer<List<FactUpdate>> sink, Consumer<Long> progress) {
        return replay(Map.of(), sink, progress);
    }

    /**
     * Replays every topic from {@code from} (the beginning for partitions it does not name) to its end offsets
     * as they are now.
     *
     * @param sink receives the fact updates of each polled batch (maybe empty), one batch at a time, on a
     *     thread of its own (while the next batch is read)
     * @param progress told, on the calling thread, the records whose facts are written so far
     */
    public Replayed replay(Map<TopicPartition, Long> from, Consumer<List<FactUpdate>> sink, Consumer<Long> progress) {
        long records = 0;
        Map<TopicPartition, Long> end;
        AtomicLong invalid = new AtomicLong();
        ExecutorService writer = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("indicator-replay-writer").daemon(true).factory());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            partitions.stream().filter(from::containsKey).forEach(p -> consumer.seek(p, from.get(p)));
            end = consumer.endOffsets(partitions);
            log.info(
                    "Replaying {} partitions of {} up to {} records",
                    partitions.size(),
                    topics,
                    total(end, from, consumer));
            Future<?> writing = CompletableFuture.completedFuture(null);
            long written = 0;
            while (!reached(consumer, end)) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(pollTimeout);
                List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(polled.count());
                for (ConsumerRecord<byte[], byte[]> record : polled) {
                    if (record.offset()
                            < end.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L)) {
                        batch.add(record);
                    }
                }
                records += batch.size();
                // The updates commute: a batch may be decoded in any order, on every core, and written while the
                // next one is read and decoded.
                List<FactUpdate> updates = batch.parallelStream()
                        .flatMap(record -> decode(record, invalid).stream())
                        .toList();
                await(writing);
                progress.accept(written);
                written = records;
                writing = writer.submit(() -> sink.accept(updates));
            }
            await(writing);
            progress.accept(written);
        } finally {
            writer.shutdownNow();
        }
        return new Replayed(records, invalid.get(), end);
    }

    private List<FactUpdate> decode(ConsumerRecord<byte[], byte[]> record, AtomicLong invalid) {
        try {
            return IndicatorEvents.factsOf(codec.read(record.value()));
        } catch (InvalidEventException e) {
            invalid.incrementAndGet();
            log.debug(
                    "Skipping {}-{}@{} in the replay: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            return List.of();
        }
    }

    private static void await(Future<?> writing) {
        try {
            writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the replayed facts", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Could not write the replayed facts", e.getCause());
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static long total(
            Map<TopicPartition, Long> end, Map<TopicPartition, Long> from, KafkaConsumer<?, ?> consumer) {
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(end.keySet());
        return end.entrySet().stream()
                .mapToLong(e -> Math.max(
                        0, e.getValue() - from.getOrDefault(e.getKey(), beginning.getOrDefault(e.getKey(), 0L))))
                .sum();
    }
}
