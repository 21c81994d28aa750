package fr.maillage.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The kit's own Kafka producer, used by the outbox relay and the dead-letter recoverer: the
 * application's connection settings, but always idempotent, {@code acks=all}, {@code linger.ms=0}
 * and string/bytes serialisation, whatever the service configures for its own template. Kept out
 * of the context as a {@code KafkaTemplate} so Boot's template stays the only one.
 */
final class EventProducer implements DisposableBean {

    private final DefaultKafkaProducerFactory<Object, Object> factory;

    private final KafkaTemplate<Object, Object> template;

    EventProducer(Map<String, Object> applicationProducerConfig) {
        Map<String, Object> config = new HashMap<>(applicationProducerConfig);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.merge(ProducerConfig.CLIENT_ID_CONFIG, "maillage-events", (app, kit) -> app + "-maillage-events");
        this.factory = new DefaultKafkaProducerFactory<>(config, new StringOrBytes(), new StringOrBytes());
        // Every send is awaited, so nothing is in flight at close: do not wait 30 s for a gone broker.
        this.factory.setPhysicalCloseTimeout(5);
        this.template = new KafkaTemplate<>(factory);
    }

    KafkaTemplate<Object, Object> template() {
        return template;
    }

    @Override
    public void destroy() {
        template.destroy();
        factory.destroy();
    }

    /** Records of the platform are strings; a dead letter may also carry the raw bytes. */
    static final class StringOrBytes implements Serializer<Object> {

        @Override
        public byte[] serialize(String topic, Object data) {
            return switch (data) {
                case null -> null;
                case byte[] bytes -> bytes;
                case String text -> text.getBytes(StandardCharsets.UTF_8);
                default ->
                    throw new SerializationException("The events producer writes strings or bytes, not "
                            + data.getClass().getName());
            };
        }
    }
}
