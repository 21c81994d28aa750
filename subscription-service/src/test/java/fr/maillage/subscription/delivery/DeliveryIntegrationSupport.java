package fr.maillage.subscription.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import fr.maillage.subscription.SubscriptionIntegrationSupport;
import fr.maillage.subscription.WebhookReceiver;
import fr.maillage.subscription.events.DeliveryPlanner;
import fr.maillage.subscription.events.StoredEvent;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Delivery tests: the shared infrastructure and receivers, with in-memory fakes of the subscription
 * directory and the event log (other packages' ports), in a database of their own so that another
 * context's dispatcher (which knows none of these fake subscriptions) never touches their deliveries.
 */
@Import(DeliveryTestPorts.class)
@TestPropertySource(
        properties = {
            DeliveryIntegrationSupport.DATABASE_PROPERTY + "=" + DeliveryIntegrationSupport.DATABASE,
            // Not a member of the event log's consumer group: these tests plan deliveries directly.
            "spring.kafka.listener.auto-startup=false",
            "maillage.subscription.delivery.poll-interval=PT0.1S",
            "maillage.subscription.delivery.timeout=PT1S",
            "maillage.subscription.delivery.lease=PT30S"
        })
abstract class DeliveryIntegrationSupport extends SubscriptionIntegrationSupport {

    static final String DATABASE_PROPERTY = "spring.mongodb.database";
    static final String DATABASE = "subscription-delivery-tests";

    static final String REFERRAL_CREATED = "fr.maillage.referral.created.v1";
    static final String ALERT_RAISED = "fr.maillage.alert.raised.v1";

    private static final AtomicLong OFFSETS = new AtomicLong();
    private static final SecureRandom RANDOM = new SecureRandom();

    protected final FakeSubscriptionDirectory directory = FakeSubscriptionDirectory.INSTANCE;
    protected final FakeEventLog eventLog = FakeEventLog.INSTANCE;

    @Autowired
    protected DeliveryPlanner planner;

    @Autowired
    protected DeliveryStore store;

    @AfterEach
    void forgetSubscriptions() {
        // Whatever a test left pending is cancelled at its next attempt, instead of calling closed receivers.
        directory.deleteAll();
    }

    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** A referral event for these institutions, kept in the (fake) event log, as the consumer would store it. */
    protected StoredEvent storedEvent(String type, String... audience) {
        String id = UUID.randomUUID().toString();
        Instant time = clock.instant();
        String cloudEvent = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/maillage/referral\","
                + "\"type\":\"" + type + "\",\"subject\":\"" + UUID.randomUUID() + "\",\"time\":\"" + time
                + "\",\"datacontenttype\":\"application/json\",\"territory\":\"bievre\",\"audience\":\""
                + String.join(" ", audience) + "\",\"data\":{\"referralId\":\"r-" + id.substring(0, 8) + "\"}}";
        StoredEvent event = new StoredEvent(
                id, REFERRAL_TOPIC, 0, OFFSETS.incrementAndGet(), type, "bievre", Set.of(audience), time, cloudEvent);
        eventLog.store(event);
        return event;
    }

    protected Delivery delivery(String subscriptionId, String eventId) {
        return store.find(subscriptionId, eventId).orElseThrow();
    }

    /** Waits until the delivery matches. */
    protected Delivery awaitDelivery(String subscriptionId, String eventId, Predicate<Delivery> condition) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> store.find(subscriptionId, eventId).orElse(null), d -> d != null && condition.test(d));
    }

    protected static List<WebhookReceiver.Received> awaitReceived(WebhookReceiver receiver, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(receiver::received, received -> received.size() >= count);
    }

    /** Every request the receiver got verifies with the official Standard Webhooks library and this secret. */
    protected static void assertAllVerify(WebhookReceiver receiver, String secret) throws Exception {
        Webhook official = new Webhook(secret);
        assertThat(receiver.received()).isNotEmpty();
        for (WebhookReceiver.Received request : receiver.received()) {
            official.verify(
                    request.bodyText(),
                    Map.of(
                            "webhook-id", List.of(request.header("webhook-id")),
                            "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                            "webhook-signature", List.of(request.header("webhook-signature"))));
            assertThat(request.header("content-type")).startsWith("application/cloudevents+json");
            assertThat(request.header("user-agent")).isEqualTo("Maillage-Webhooks/1");
            assertThat(request.header("webhook-event-number")).matches("\\d+");
        }
    }
}
