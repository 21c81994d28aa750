package fr.maillage.subscription;

import fr.maillage.localstack.junit.LocalInfrastructure;
import fr.maillage.platform.testing.EventPlayer;
import fr.maillage.platform.testing.ServiceIntegrationSupport;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * What the subscription-service integration tests share: the real local infrastructure (Kafka broker,
 * Mongo wire server, token issuer), HTTP calls with demo tokens (partner clients: {@code partner-epsm},
 * {@code partner-dac}), other services' events played with a real producer, a clock the tests move, and
 * real HTTP receivers on 127.0.0.1 ({@link #receiver()}). Loopback callbacks are allowed in tests
 * ({@code maillage.subscription.outbound.allow-loopback}). Every test uses fresh ids, so the classes
 * share one broker, one database and one Spring context.
 */
@LocalInfrastructure
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "maillage.subscription.outbound.allow-loopback=true")
@Import(ServiceIntegrationSupport.TestClock.class)
public abstract class SubscriptionIntegrationSupport extends ServiceIntegrationSupport {

    public static final String REFERRAL_TOPIC = "referral.events.v1";
    public static final String ALERT_TOPIC = "alert.events.v1";
    public static final String WORKSHOP_TOPIC = "workshop.events.v1";
    public static final String MEETING_TOPIC = "meeting.events.v1";
    public static final String EVALUATION_TOPIC = "evaluation.events.v1";

    /** The consumer group of the event log (every service topic). */
    public static final String EVENTS_GROUP = "subscription-service";

    public static final String PARTNER_EPSM = "partner-epsm";
    public static final String PARTNER_DAC = "partner-dac";
    public static final String EPSM = "epsm-bievre";
    public static final String DAC = "dac-lyon";
    public static final String ADMIN = "admin";
    public static final String COORD_BIEVRE = "coord-bievre";

    private final List<WebhookReceiver> receivers = new ArrayList<>();

    /** A fresh HTTP receiver on 127.0.0.1 (answers 204 until told otherwise), closed after the test. */
    protected WebhookReceiver receiver() {
        WebhookReceiver receiver = WebhookReceiver.start();
        receivers.add(receiver);
        return receiver;
    }

    @AfterEach
    void closeReceivers() {
        receivers.forEach(WebhookReceiver::close);
        receivers.clear();
    }

    /** Waits until the event log's consumer group has committed past this record. */
    protected static void awaitConsumed(RecordMetadata record) {
        EventPlayer.awaitConsumed(EVENTS_GROUP, record);
    }
}
