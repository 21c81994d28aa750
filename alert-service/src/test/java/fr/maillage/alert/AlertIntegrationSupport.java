package fr.maillage.alert;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.localstack.junit.LocalInfrastructure;
import fr.maillage.localstack.oidc.TestTokens;
import fr.maillage.platform.testing.EventPlayer;
import fr.maillage.platform.testing.EventSchemas;
import fr.maillage.platform.testing.ServiceHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the alert-service integration tests share: the real local infrastructure (Kafka broker, Mongo
 * wire server, test issuer), HTTP calls with demo (or hand-made) tokens, other services' events
 * played with a real producer, and {@code alert.events.v1} read with a real consumer. Tests use fresh
 * ids and person refs, so the classes share one broker, one database and one Spring context.
 */
@LocalInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AlertTestProperties
public abstract class AlertIntegrationSupport {

    public static final String ALERT_TOPIC = "alert.events.v1";
    public static final String WORKSHOP_TOPIC = "workshop.events.v1";
    public static final String REFERRAL_TOPIC = "referral.events.v1";

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private EventPlayer player;

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        closeables.clear();
        player = null;
    }

    // ---- callers

    /** The bearer token of a demo user or partner client ({@code coord-bievre}, {@code partner-epsm}, …). */
    protected static String token(String who) {
        return ServiceHttp.demoToken(who);
    }

    /** A facilitator who is not a clinician: no part in the alert circuit. */
    protected static String facilitatorOnly() {
        return TestTokens.user("facilitator-only")
                .roles("facilitator")
                .institution("lieu-dit")
                .territories("bievre")
                .token();
    }

    /** A coordinator of the given territories (fresh territories keep a test's queue to itself). */
    protected static String coordinatorOf(String... territories) {
        return TestTokens.user("coord-" + String.join("-", territories))
                .roles("coordinator")
                .institution("cpts-test")
                .territories(territories)
                .token();
    }

    /** A territory no other test uses. */
    protected static String freshTerritory() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String freshPersonRef() {
        return UUID.randomUUID().toString();
    }

    // ---- HTTP (the kit's ServiceHttp)

    protected HttpResponse<String> post(String path, String token, String json) {
        return http().post(path, token, json);
    }

    protected HttpResponse<String> post(String path, String token, String json, Map<String, String> headers) {
        return http().post(path, token, json, ServiceHttp.headers(headers));
    }

    /** A POST with no body and no Content-Type at all. */
    protected HttpResponse<String> postWithoutBody(String path, String token) {
        return http().send("POST", path, token, null);
    }

    protected HttpResponse<String> get(String path, String token) {
        return http().get(path, token);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return ServiceHttp.json(response);
    }

    /** The {@code type} slug of a problem answer, e.g. {@code illegal-transition}. */
    protected static String problem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        return json(response).path("type").asString().replace("urn:maillage:problem:", "");
    }

    private ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    // ---- the alert circuit over HTTP

    /** Situation text only staff (and the raising partner) may ever read; never in an event or log. */
    protected static final String SITUATION = "Mme Ginette Lambert, 12 rue des Lilas, threatens to jump";

    protected static final String EMITTER_NAME = "Dr Xavier Poulain";
    protected static final String EMITTER_CONTACT = "04 74 20 20 20";
    protected static final String SUBJECT_DESCRIPTION = "woman about 40, lives alone above the bakery";

    /** A raising body; {@code riskFactors} as JSON names, {@code personRef} may be null (then a subject). */
    protected static String alertBody(String territory, String commune, String personRef, String... riskFactors) {
        String risks = String.join(
                ",",
                java.util.Arrays.stream(riskFactors).map(r -> "\"" + r + "\"").toList());
        return """
                {"channel":"PARTNER_API","territory":"%s","commune":%s,
                 "emitter":{"kind":"PARTNER_INSTITUTION","name":"%s","organisation":"EPSM de Bièvre",
                            "callbackContact":"%s","wantsFeedback":true},
                 "personRef":%s,
                 "subject":%s,
                 "situation":"%s","riskFactors":[%s],"personAware":true}""".formatted(
                territory,
                commune == null ? "null" : "\"" + commune + "\"",
                EMITTER_NAME,
                EMITTER_CONTACT,
                personRef == null ? "null" : "\"" + personRef + "\"",
                personRef == null ? "{\"description\":\"" + SUBJECT_DESCRIPTION + "\",\"approximateAge\":40}" : "null",
                SITUATION,
                risks);
    }

    /** Raises an alert (201 expected) and returns its view. */
    protected JsonNode raise(String token, String body) {
        HttpResponse<String> response = post("/api/alerts", token, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    /** A stable alert in bievre (suggested C: due in 24 h, nothing escalates it during a test), raised by partner-epsm. */
    protected String raiseStableAlert() {
        return raise(token("partner-epsm"), alertBody("bievre", "38130", freshPersonRef(), "PSYCHOTIC_SYMPTOMS"))
                .get("id")
                .asString();
    }

    protected JsonNode step(String alertId, String step, String token, String body) {
        HttpResponse<String> response = post("/api/alerts/" + alertId + "/" + step, token, body);
        assertThat(response.statusCode()).as(step + ": " + response.body()).isEqualTo(200);
        return json(response);
    }

    protected static final String QUALIFY_AS_SUGGESTED_C = """
            {"urgency":"C","responseLevel":"CMP_APPOINTMENT","rationale":"psychotic symptoms, known to the CMP"}""";
    protected static final String RESPONSE = """
            {"actions":["CONTACT_MADE","CMP_APPOINTMENT_GIVEN"],"summary":"Called her; appointment tomorrow 10:00"}""";
    protected static final String FEEDBACK = """
            {"message":"Seen by the CMP, appointment given","channel":"PARTNER_API"}""";
    protected static final String CLOSURE = """
            {"outcome":"RESOLVED"}""";

    /** A valid body of each step (the closure one waives no feedback). */
    protected static String stepBody(String step) {
        return switch (step) {
            case "qualification" -> QUALIFY_AS_SUGGESTED_C;
            case "assignment" -> "{}";
            case "response" -> RESPONSE;
            case "feedback" -> FEEDBACK;
            case "closure" -> CLOSURE;
            default -> throw new IllegalArgumentException(step);
        };
    }

    /** The steps coord-bievre takes, in order, to bring an alert to each state. */
    private static final List<String[]> CIRCUIT = List.of(
            new String[] {"QUALIFIED", "qualification"},
            new String[] {"ASSIGNED", "assignment"},
            new String[] {"RESPONDED", "response"},
            new String[] {"FEEDBACK_GIVEN", "feedback"},
            new String[] {"CLOSED", "closure"});

    /**
     * A stable alert (see {@link #raiseStableAlert()}) taken by coord-bievre to {@code state}: an
     * AlertStatus, or FEEDBACK_GIVEN (RESPONDED with feedback recorded).
     */
    protected String stableAlertIn(String state) {
        String id = raiseStableAlert();
        if (state.equals("RAISED")) {
            return id;
        }
        for (String[] step : CIRCUIT) {
            step(id, step[1], token("coord-bievre"), stepBody(step[1]));
            if (step[0].equals(state)) {
                return id;
            }
        }
        throw new IllegalArgumentException("No state " + state);
    }

    // ---- other services' events, played with a real producer (the kit's EventPlayer)

    /** The structured CloudEvent another service's relay would publish (the kit's own codec). */
    protected static String cloudEvent(String source, String type, String subject, String territory, Object data) {
        return EventPlayer.cloudEvent(source, type, subject, territory, List.of(), data);
    }

    /** Sends a record as a relay does (CloudEvents content type) and waits for the broker's ack. */
    protected RecordMetadata play(String topic, String key, String value) {
        return player().play(topic, key, value);
    }

    /** Waits until the {@code alert-service} consumer group has committed past this record. */
    protected static void awaitConsumed(RecordMetadata record) {
        EventPlayer.awaitConsumed(bootstrapServers(), "alert-service", record);
    }

    private EventPlayer player() {
        if (player == null) {
            player = new EventPlayer(bootstrapServers());
            closeables.add(player);
        }
        return player;
    }

    protected static String bootstrapServers() {
        return LocalInfrastructure.Endpoints.kafkaBootstrapServers();
    }

    // ---- reading a topic with a real consumer (the kit's TopicReader)

    /** Reads {@code topic} from its beginning; what it read accumulates across calls. */
    protected TopicReader read(String topic) {
        TopicReader reader = new TopicReader(topic);
        closeables.add(reader);
        return reader;
    }

    /** The kit's reader, with the alert tests' names: keys are alert ids. */
    protected static final class TopicReader extends fr.maillage.platform.testing.TopicReader {

        private TopicReader(String topic) {
            super(bootstrapServers(), topic, From.BEGINNING);
        }

        /** Every record read so far about this alert (key = alert id), as JSON, duplicates included. */
        public List<JsonNode> recordsOf(String alertId) {
            return eventsKeyed(alertId);
        }

        /**
         * The events read so far about this alert, each once: delivery is at least once, and a
         * duplicate (the outbox relay racing a save) has the same CloudEvent id, which is what
         * consumers are idempotent on.
         */
        public List<JsonNode> eventsOf(String alertId) {
            return history(alertId);
        }

        /** Waits until an event of this alert matches, then returns all of the alert's events. */
        public List<JsonNode> awaitEventOf(String alertId, Predicate<JsonNode> matching) {
            return awaitHistory(alertId, matching);
        }
    }

    protected static Predicate<JsonNode> ofType(String type) {
        return fr.maillage.platform.testing.TopicReader.ofType(type);
    }

    protected static Predicate<JsonNode> escalatedTo(int level) {
        return event -> event.path("type").asString().equals("fr.maillage.alert.escalated.v1")
                && event.path("data").path("level").asInt() == level;
    }

    /**
     * The published contract: every event matches its schema and carries no situation, emitter
     * identity, subject description or risk factor.
     */
    protected static void assertPublishedContract(List<JsonNode> events) {
        assertThat(events).isNotEmpty();
        for (JsonNode event : events) {
            String type = event.path("type").asString();
            String data = event.path("data").toString();
            EventSchemas.assertValid(type, data);
            assertThat(event.toString())
                    .as(type)
                    .doesNotContain(SITUATION, "Lambert", "Lilas")
                    .doesNotContain(EMITTER_NAME, "Poulain", EMITTER_CONTACT, "EPSM de Bi")
                    .doesNotContain(SUBJECT_DESCRIPTION, "bakery")
                    .doesNotContain("SUICID", "PSYCHOTIC", "NO_SUPPORT", "AGITATION");
        }
    }
}
