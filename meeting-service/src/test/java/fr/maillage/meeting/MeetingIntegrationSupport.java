package fr.maillage.meeting;

import fr.maillage.localstack.junit.LocalInfrastructure;
import fr.maillage.localstack.oidc.DemoUsers;
import fr.maillage.platform.testing.EventPlayer;
import fr.maillage.platform.testing.ServiceIntegrationSupport;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * What the meeting-service integration tests share: the real local infrastructure (Kafka broker,
 * Mongo wire server, token issuer), HTTP calls with demo users' tokens, other services' events played
 * with a real producer, topics read with a real consumer, and a clock the tests move. Every test uses
 * fresh ids, so the classes share one broker, one database and one Spring context.
 */
@LocalInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ServiceIntegrationSupport.TestClock.class)
public abstract class MeetingIntegrationSupport extends ServiceIntegrationSupport {

    public static final String MEETING_TOPIC = "meeting.events.v1";
    public static final String ALERT_TOPIC = "alert.events.v1";
    public static final String WORKSHOP_TOPIC = "workshop.events.v1";
    public static final String REFERRAL_TOPIC = "referral.events.v1";
    public static final String EVALUATION_TOPIC = "evaluation.events.v1";

    public static final String DR_MARTIN = DemoUsers.DR_MARTIN_ID.toString();
    public static final String PSY_DURAND = DemoUsers.PSY_DURAND_ID.toString();
    public static final String IDE_BERNARD = DemoUsers.IDE_BERNARD_ID.toString();

    /** Waits until the {@code meeting-service} consumer group has committed past this record. */
    protected static void awaitConsumed(RecordMetadata record) {
        EventPlayer.awaitConsumed("meeting-service", record);
    }
}
