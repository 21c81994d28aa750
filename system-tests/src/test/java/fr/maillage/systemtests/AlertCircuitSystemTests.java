package fr.maillage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.systemtests.support.Api;
import fr.maillage.systemtests.support.RunningPlatform;
import fr.maillage.systemtests.support.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alert circuit of issue 3 through the gateway with real tokens: a partner raises an alert, the
 * territory's coordinator triages it, it escalates because the response is late (test profile of
 * {@link RunningPlatform}), it is answered, fed back and closed, and the partner reads the outcome.
 */
@Order(10)
@ExtendWith(RunningPlatform.class)
class AlertCircuitSystemTests {

    private static final String ALERTS = "/api/alerts";
    private static final String TOPIC = "alert.events.v1";
    private static final String REGULATION_TEAM = "epsm-bievre-regulation";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Api API = new Api(RunningPlatform.gateway());

    /** The alert taken through the whole circuit, shared by the tests that look at it afterwards. */
    private static Circuit circuit;

    @Test
    void anAlertRaisedByAPartnerIsTriagedEscalatedAnsweredClosedAndItsOutcomeReadByThePartner() {
        runCircuit();
    }

    @Test
    void theCircuitsEventsCarryNoSituationEmitterIdentityOrSubjectAndEscalateToLevelOneExactlyOnce() {
        Circuit done = circuit();

        List<JsonNode> events = eventsOf(done.alertId());

        // The data is JSON that names the alert, so looking for texts in it below is meaningful.
        assertThat(events)
                .allSatisfy(e -> assertThat(e.path("data").path("alertId").asString())
                        .as(e.toString())
                        .isEqualTo(done.alertId()));
        List<String> types = events.stream().map(e -> e.path("type").asString()).toList();
        assertThat(types)
                .contains(
                        "fr.maillage.alert.raised.v1",
                        "fr.maillage.alert.qualified.v1",
                        "fr.maillage.alert.escalated.v1",
                        "fr.maillage.alert.responded.v1",
                        "fr.maillage.alert.feedback-sent.v1",
                        "fr.maillage.alert.closed.v1");
        assertThat(events.stream()
                        .filter(e -> e.path("type").asString().equals("fr.maillage.alert.escalated.v1"))
                        .filter(e -> e.path("data").path("level").asInt() == 1))
                .as("escalated level 1 events of %s", done.alertId())
                .hasSize(1);
        assertThat(events)
                .filteredOn(e -> e.path("type").asString().equals("fr.maillage.alert.responded.v1"))
                .singleElement()
                .satisfies(e -> assertThat(e.path("data").path("withinTarget").asBoolean())
                        .as("the response came after the escalation")
                        .isFalse());
        assertThat(events.stream().map(JsonNode::toString))
                .noneMatch(e -> e.contains(done.situationMarker()))
                .noneMatch(e -> e.contains(done.emitterName()))
                .noneMatch(e -> e.contains(done.emitterOrganisation()))
                .noneMatch(e -> e.contains(done.callbackContact()))
                .noneMatch(e -> e.contains(done.subjectDescription()))
                .noneMatch(e -> e.contains(done.feedbackMessage()))
                .noneMatch(e -> e.contains("SUICIDAL_IDEATION"));
    }

    @Test
    void malformedJsonIsRefusedWithABadRequestProblemAndNothingIsStored() {
        long before = openAlertsInBievre();

        Api.Response refused = API.post(ALERTS, Tokens.of("partner-epsm"), "{\"channel\": \"PARTNER_API\", \"territ");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.isProblem()).as(refused.toString()).isTrue();
        assertThat(openAlertsInBievre()).isEqualTo(before);
    }

    @Test
    void anUnknownRiskFactorIsRefusedWithABadRequestProblemAndNothingIsStored() {
        long before = openAlertsInBievre();
        Map<String, Object> body = raisingBody(new Circuit("unknown-enum " + UUID.randomUUID()));
        body.put("riskFactors", List.of("SUICIDAL_IDEATION", "FEELING_BLUE"));

        Api.Response refused = API.post(ALERTS, Tokens.of("partner-epsm"), body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.isProblem()).as(refused.toString()).isTrue();
        assertThat(openAlertsInBievre()).isEqualTo(before);
    }

    @Test
    void anAlertWithoutATerritoryIsRefusedWithAProblemAndNothingIsStored() {
        long before = openAlertsInBievre();
        Map<String, Object> body = raisingBody(new Circuit("no-territory " + UUID.randomUUID()));
        body.remove("territory");

        Api.Response refused = API.post(ALERTS, Tokens.of("partner-epsm"), body);

        assertThat(refused.status()).as(refused.toString()).isIn(400, 422);
        assertThat(refused.isProblem()).as(refused.toString()).isTrue();
        assertThat(openAlertsInBievre()).isEqualTo(before);
    }

    @Test
    void aPartnerCannotRaiseAnAlertInATerritoryItDoesNotCover() {
        Map<String, Object> body = raisingBody(new Circuit("other-territory " + UUID.randomUUID()));
        body.put("territory", "lyon-nord");
        body.put("commune", "69123");
        body.put("subject", Map.of("description", "Personne sans description", "commune", "69123"));

        Api.Response refused = API.post(ALERTS, Tokens.of("partner-epsm"), body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.isProblem()).as(refused.toString()).isTrue();
        assertThat(refused.body()).contains("territory-not-covered");
    }

    @Test
    void aOneMegabyteSituationIsRefusedWithAProblemAndNothingIsStored() {
        long before = openAlertsInBievre();
        Map<String, Object> body = raisingBody(new Circuit("huge " + UUID.randomUUID()));
        body.put("situation", "x".repeat(1024 * 1024));

        Api.Response refused = API.post(ALERTS, Tokens.of("partner-epsm"), body);

        assertThat(refused.status())
                .as(refused.status() + " " + refused.contentType())
                .isEqualTo(413);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains("payload-too-large");
        assertThat(openAlertsInBievre()).isEqualTo(before);
    }

    /** The circuit once per test JVM (again if an earlier attempt failed), for the tests that inspect it. */
    private static synchronized Circuit circuit() {
        if (circuit == null) {
            runCircuit();
        }
        return circuit;
    }

    private static synchronized void runCircuit() {
        // Logins first (a scripted PKCE login takes seconds), so the 30 s target is spent on the alert.
        String partner = Tokens.of("partner-epsm");
        String coordinator = Tokens.of("coord-bievre");
        String clinician = Tokens.of("dr-martin");
        String otherCoordinator = Tokens.of("coord-lyon");
        Circuit alert = new Circuit(UUID.randomUUID().toString().substring(0, 8));

        // partner-epsm raises an alert: suicidal ideation without support suggests urgency B.
        Api.Response raised = API.post(ALERTS, partner, raisingBody(alert));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        String id = raised.text("id");
        assertThat(id).isNotBlank();
        assertThat(raised.text("status")).isEqualTo("RAISED");
        String path = ALERTS + "/" + id;

        // coord-bievre sees it first in the queue sorted by due time (B in 30 s comes before anything else).
        Api.Response queue = API.get(ALERTS + "?status=OPEN&territory=bievre&sort=dueBy", coordinator);
        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
        JsonNode first = queue.json().path("items").path(0);
        assertThat(first.path("id").asString()).as(queue.toString()).isEqualTo(id);
        assertThat(first.path("status").asString()).isEqualTo("RAISED");
        assertThat(first.path("suggestedUrgency").asString()).isEqualTo("B");
        assertThat(first.path("suggestionRule").asString()).isEqualTo("suicidal-ideation-without-support");
        assertThat(first.path("situation").asString()).contains(alert.situationMarker());
        assertThat(dueIn(first))
                .as("provisional due time of B")
                .isCloseTo(RunningPlatform.URGENCY_B_TARGET, ONE_SECOND);

        // ... qualifies it B; routing proposes the 24/7 regulation team for a mobile crisis team.
        Api.Response qualified = API.post(
                path + "/qualification",
                coordinator,
                Api.json(
                        "urgency", "B",
                        "responseLevel", "MOBILE_CRISIS_TEAM",
                        "rationale", alert.rationale()));
        assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);
        JsonNode view = qualified.json();
        assertThat(view.path("status").asString()).isEqualTo("QUALIFIED");
        assertThat(view.path("urgency").asString()).isEqualTo("B");
        assertThat(view.path("responseLevel").asString()).isEqualTo("MOBILE_CRISIS_TEAM");
        assertThat(dueIn(view)).as("due time of B").isCloseTo(RunningPlatform.URGENCY_B_TARGET, ONE_SECOND);
        JsonNode assignment = view.path("assignment");
        assertThat(assignment.path("proposed").asBoolean())
                .as(qualified.toString())
                .isTrue();
        assertThat(assignment.path("teamId").asString()).isEqualTo(REGULATION_TEAM);
        assertThat(assignment.path("institution").asString()).isEqualTo("epsm-bievre");
        assertThat(assignment.path("rule").asString()).isEqualTo("emergency-regulation");

        Api.Response assigned = API.post(path + "/assignment", coordinator, Map.of());
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.text("status")).isEqualTo("ASSIGNED");
        assertThat(assigned.json().path("assignment").path("teamId").asString()).isEqualTo(REGULATION_TEAM);

        // Nobody answers within the target: the watcher escalates it, and the history shows it.
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Api.Response current = API.get(path, Tokens.of("coord-bievre"));
                    assertThat(current.status()).as(current.toString()).isEqualTo(200);
                    assertThat(current.json().path("escalationLevel").asInt())
                            .as(current.toString())
                            .isGreaterThanOrEqualTo(1);
                });
        JsonNode late = API.get(path, Tokens.of("coord-bievre")).json();
        assertThat(late.path("overdue").asBoolean()).isTrue();
        assertThat(late.path("status").asString()).isEqualTo("ASSIGNED");
        Api.Response history = API.get(path + "/history", Tokens.of("coord-bievre"));
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.json().valueStream())
                .as(history.toString())
                .anyMatch(entry -> entry.path("action").asString().equals("escalated")
                        && entry.path("detail").asString().equals("level 1"));

        // The response (late) and the feedback to the partner are recorded.
        Api.Response responded = API.post(
                path + "/response",
                Tokens.of("coord-bievre"),
                Api.json(
                        "actions",
                        List.of("MOBILE_TEAM_SENT", "CONTACT_MADE"),
                        "summary",
                        "Équipe mobile passée au domicile, personne rencontrée."));
        assertThat(responded.status()).as(responded.toString()).isEqualTo(200);
        assertThat(responded.text("status")).isEqualTo("RESPONDED");
        assertThat(responded.json().path("responses")).hasSize(1);

        Api.Response fedBack = API.post(
                path + "/feedback",
                Tokens.of("coord-bievre"),
                Api.json("message", alert.feedbackMessage(), "channel", "PARTNER_API"));
        assertThat(fedBack.status()).as(fedBack.toString()).isEqualTo(200);
        assertThat(fedBack.text("status")).isEqualTo("RESPONDED");
        assertThat(fedBack.json().path("feedback").path("message").asString()).isEqualTo(alert.feedbackMessage());

        // A clinician of the territory may not close it; its coordinator does.
        Api.Response byClinician = API.post(path + "/closure", clinician, Api.json("outcome", "RESOLVED"));
        assertThat(byClinician.status()).as(byClinician.toString()).isEqualTo(403);
        assertThat(byClinician.isProblem()).isTrue();

        Api.Response closed = API.post(path + "/closure", Tokens.of("coord-bievre"), Api.json("outcome", "RESOLVED"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.text("status")).isEqualTo("CLOSED");
        assertThat(closed.json().path("closure").path("outcome").asString()).isEqualTo("RESOLVED");

        // partner-epsm reads the outcome, in its own view (no assignment, rationale or response details).
        Api.Response outcome = API.get(path, Tokens.of("partner-epsm"));
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(200);
        JsonNode partnerView = outcome.json();
        assertThat(partnerView.path("status").asString()).isEqualTo("CLOSED");
        assertThat(partnerView.path("urgency").asString()).isEqualTo("B");
        assertThat(partnerView.path("feedback").path("message").asString()).isEqualTo(alert.feedbackMessage());
        assertThat(partnerView.path("closure").path("outcome").asString()).isEqualTo("RESOLVED");
        assertThat(partnerView.has("assignment")).as(outcome.toString()).isFalse();
        assertThat(partnerView.has("rationale")).as(outcome.toString()).isFalse();
        assertThat(partnerView.has("responses")).as(outcome.toString()).isFalse();
        assertThat(outcome.body()).doesNotContain(alert.rationale()).doesNotContain(REGULATION_TEAM);

        // Out of scope is not found: coord-lyon covers another territory.
        Api.Response elsewhere = API.get(path, otherCoordinator);
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(404);
        assertThat(elsewhere.isProblem()).isTrue();
        assertThat(elsewhere.body()).doesNotContain(alert.situationMarker());

        circuit = alert.withId(id);
    }

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private static Duration dueIn(JsonNode view) {
        return Duration.between(
                Instant.parse(view.path("raisedAt").asString()),
                Instant.parse(view.path("dueBy").asString()));
    }

    private static long openAlertsInBievre() {
        Api.Response queue = API.get(ALERTS + "?status=OPEN&territory=bievre", Tokens.of("coord-bievre"));
        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
        return queue.json().path("totalItems").asLong();
    }

    private static Map<String, Object> raisingBody(Circuit alert) {
        return Api.json(
                "channel",
                "PARTNER_API",
                "territory",
                "bievre",
                "commune",
                "38130",
                "emitter",
                Api.json(
                        "kind", "PARTNER_INSTITUTION",
                        "name", alert.emitterName(),
                        "organisation", alert.emitterOrganisation(),
                        "callbackContact", alert.callbackContact(),
                        "wantsFeedback", true),
                "subject",
                Api.json("description", alert.subjectDescription(), "approximateAge", 40, "commune", "38130"),
                "situation",
                "Appel des urgences : idées suicidaires exprimées, vit seul, pas d'entourage. "
                        + alert.situationMarker(),
                "riskFactors",
                List.of("SUICIDAL_IDEATION", "NO_SUPPORT"),
                "personAware",
                true);
    }

    /** Every record of {@code alert.events.v1} about one alert, read from the beginning up to its closure. */
    private static List<JsonNode> eventsOf(String alertId) {
        List<JsonNode> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (alertId.equals(record.key()) || record.value().contains(alertId)) {
                        events.add(JSON.readTree(record.value()));
                    }
                }
                return events.stream().anyMatch(e -> e.path("type").asString().equals("fr.maillage.alert.closed.v1"));
            });
        }
        return events;
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningPlatform.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "system-tests-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    /** The identifying texts of one alert, each unique to it so they can be looked for on the broker. */
    private record Circuit(String alertId, String marker) {

        Circuit(String marker) {
            this(null, marker);
        }

        Circuit withId(String id) {
            return new Circuit(id, marker);
        }

        String situationMarker() {
            return "situation-" + marker;
        }

        String emitterName() {
            return "Dr Lemoine-" + marker;
        }

        String emitterOrganisation() {
            return "Urgences EPSM " + marker;
        }

        String callbackContact() {
            return "rappel-" + marker + "@epsm-bievre.example";
        }

        String subjectDescription() {
            return "Homme d'environ 40 ans " + marker;
        }

        String rationale() {
            return "Idées suicidaires, isolement complet " + marker;
        }

        String feedbackMessage() {
            return "Équipe mobile passée, suivi CMP proposé " + marker;
        }
    }
}
