package fr.maillage.subscription.events;

import static org.awaitility.Awaitility.await;

import fr.maillage.platform.testing.EventPlayer;
import fr.maillage.subscription.SubscriptionIntegrationSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.utils.Utils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The event log's and the feed's integration tests: one shared context of their own, with a recording
 * {@link DeliveryPlanner}, its own consumer group and its own database, so that other contexts of the
 * same test run (which consume in group {@code subscription-service}) neither take our partitions nor log
 * our events first.
 */
@TestPropertySource(
        properties = {
            "maillage.subscription.events.consumer-group=" + EventLogIntegrationSupport.GROUP,
            "spring.mongodb.database=subscription-event-log-tests",
            // Long: a long poll that answers early was woken by the event logged here, not by polling.
            "maillage.subscription.feed.poll-interval=PT60S"
        })
@Import(EventLogIntegrationSupport.RecordingPlannerConfiguration.class)
public abstract class EventLogIntegrationSupport extends SubscriptionIntegrationSupport {

    public static final String GROUP = "subscription-event-log-tests";

    /** Every service topic has this many partitions (the local broker's default, as the kit declares). */
    public static final int PARTITIONS = 3;

    public static final String REFERRAL_SOURCE = "/maillage/referral";
    public static final String ALERT_SOURCE = "/maillage/alert";

    @Autowired
    protected RecordingPlanner planner;

    @Autowired
    protected MongoTemplate mongo;

    /** Records every event it is asked to plan; fails once for the ids it is told to. */
    public static final class RecordingPlanner implements DeliveryPlanner {

        private final List<StoredEvent> planned = new CopyOnWriteArrayList<>();
        private final Set<String> failOnce = ConcurrentHashMap.newKeySet();

        @Override
        public int plan(StoredEvent event) {
            if (failOnce.remove(event.id())) {
                throw new IllegalStateException("planning " + event.id() + " failed (test)");
            }
            planned.add(event);
            return 0;
        }

        public List<StoredEvent> planned(String eventId) {
            return planned.stream().filter(event -> event.id().equals(eventId)).toList();
        }

        public void failOnceFor(String eventId) {
            failOnce.add(eventId);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class RecordingPlannerConfiguration {
        @Bean
        @Primary
        RecordingPlanner recordingPlanner() {
            return new RecordingPlanner();
        }
    }

    /** Waits until the event log of this context has committed past the record. */
    protected static void awaitLogged(RecordMetadata record) {
        EventPlayer.awaitConsumed(GROUP, record);
    }

    /** Plays an event with a chosen id and time, keyed by its subject. */
    protected RecordMetadata playAt(
            String topic,
            String source,
            String id,
            Instant time,
            String type,
            String subject,
            Collection<String> audience) {
        String json = EventPlayer.cloudEvent(
                source, EventPlayer.event(id, time, type, subject, "bievre", audience, Map.of("ref", subject)));
        return playRaw(topic, subject, json);
    }

    /** A fresh subject that the default partitioner sends to {@code partition}. */
    protected static String subjectOn(int partition) {
        while (true) {
            String subject = UUID.randomUUID().toString();
            byte[] key = subject.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (Utils.toPositive(Utils.murmur2(key)) % PARTITIONS == partition) {
                return subject;
            }
        }
    }

    /** A fresh event type of the referral family, e.g. {@code fr.maillage.referral.t1a2b3c4-noted.v1}. */
    protected static String uniqueType(String family, String event) {
        return "fr.maillage." + family + ".t" + UUID.randomUUID().toString().substring(0, 8) + "-" + event + ".v1";
    }

    /** The stored document of an event, once it is there. */
    protected LoggedEvent awaitStored(String id) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(id, LoggedEvent.class), java.util.Objects::nonNull);
    }

    protected static String newId() {
        return UUID.randomUUID().toString();
    }
}
