package fr.maillage.subscription.events;

import fr.maillage.platform.events.CloudEventCodec;
import fr.maillage.platform.events.IncomingEvent;
import fr.maillage.platform.events.InvalidEventException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The one consumer of every service topic (by pattern, so a new partition or topic is picked up), in
 * group {@code subscription-service}: each record is parsed as the kit parses every incoming event, then
 * logged and its deliveries planned before this method returns, so the offset is committed only after
 * both. A record that is not a CloudEvent goes to {@code <topic>-dlt} at once (the kit's error handler);
 * other failures are retried by it.
 */
@Component
class EventLogListener {

    private final CloudEventCodec codec;
    private final EventLogService log;

    EventLogListener(CloudEventCodec codec, EventLogService log) {
        this.codec = codec;
        this.log = log;
    }

    @KafkaListener(
            topicPattern =
                    "${maillage.subscription.events.topic-pattern:" + EventLogProperties.DEFAULT_TOPIC_PATTERN + "}",
            groupId = "${maillage.subscription.events.consumer-group:subscription-service}")
    void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = codec.read(record.value());
        if (event.id() == null
                || event.id().isBlank()
                || event.type() == null
                || event.type().isBlank()) {
            throw new InvalidEventException("A CloudEvent without id or type");
        }
        // Events from outside the platform may have no time: the broker's timestamp stands in.
        Instant time = (event.time() != null ? event.time() : Instant.ofEpochMilli(record.timestamp()))
                .truncatedTo(ChronoUnit.MILLIS);
        log.log(new StoredEvent(
                event.id(),
                record.topic(),
                record.partition(),
                record.offset(),
                event.type(),
                event.territory(),
                event.audience(),
                time,
                record.value()));
    }
}
