package fr.maillage.evaluation;

import fr.maillage.localstack.junit.LocalInfrastructure;
import fr.maillage.localstack.oidc.DemoUsers;
import fr.maillage.platform.testing.EventPlayer;
import fr.maillage.platform.testing.ServiceIntegrationSupport;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * What the evaluation-service integration tests share: the real local infrastructure (Kafka broker,
 * Mongo wire server, token issuer), HTTP calls with demo users' tokens, other services' events played
 * with a real producer, topics read with a real consumer, and a clock the tests move. Every test uses
 * fresh ids, so the classes share one broker, one database and one Spring context.
 */
@LocalInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ServiceIntegrationSupport.TestClock.class)
public abstract class EvaluationIntegrationSupport extends ServiceIntegrationSupport {

    public static final String MEETING_TOPIC = "meeting.events.v1";
    public static final String ALERT_TOPIC = "alert.events.v1";
    public static final String WORKSHOP_TOPIC = "workshop.events.v1";
    public static final String REFERRAL_TOPIC = "referral.events.v1";
    public static final String EVALUATION_TOPIC = "evaluation.events.v1";

    /** The consumer group of the indicator projection (every topic). */
    public static final String INDICATORS_GROUP = "evaluation-indicators";
    /** The consumer group of the questionnaires' schedules and care teams (workshop and referral topics). */
    public static final String QUESTIONNAIRES_GROUP = "evaluation-questionnaires";

    public static final String COORD_BIEVRE = "coord-bievre";
    public static final String COORD_LYON = "coord-lyon";
    public static final String COPIL_BIEVRE = "copil-bievre";
    public static final String ADMIN = "admin";

    public static final String DR_MARTIN = DemoUsers.DR_MARTIN_ID.toString();
    public static final String PSY_DURAND = DemoUsers.PSY_DURAND_ID.toString();
    public static final String IDE_BERNARD = DemoUsers.IDE_BERNARD_ID.toString();

    /** Waits until a consumer group of this service ({@link #INDICATORS_GROUP}, ...) has committed past this record. */
    protected static void awaitConsumed(String group, RecordMetadata record) {
        EventPlayer.awaitConsumed(group, record);
    }
}
