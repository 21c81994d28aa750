package fr.maillage.alert.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.alert.AlertIntegrationSupport;
import fr.maillage.alert.AlertServiceApplication;
import fr.maillage.alert.AlertTestProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Escalation with two instances of the service on the same database and broker, each with its own
 * watcher sweeping every 0.2 s: an alert left unanswered past its due time (B: 2 s in tests) is
 * escalated to level 1, then to level 2 two seconds later, exactly once per level.
 */
class EscalationIntegrationTests extends AlertIntegrationSupport {

    @Autowired
    MeterRegistry meters;

    private static double sweeps(MeterRegistry registry) {
        Counter counter = registry.find("maillage.alert.escalation.sweeps").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void twoInstancesEscalateAnOverdueAlertExactlyOncePerLevel() {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(AlertServiceApplication.class)
                .run(AlertTestProperties.Values.arguments())) {
            MeterRegistry secondMeters = second.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> sweeps(secondMeters) > 0);
            TopicReader events = read(ALERT_TOPIC);

            JsonNode raised = raise(
                    token("coord-bievre"), alertBody("bievre", "38130", freshPersonRef(), "SUICIDE_PLAN_OR_ATTEMPT"));
            String id = raised.get("id").asString();
            Instant dueBy = Instant.parse(raised.get("dueBy").asString());
            assertThat(raised.get("suggestedUrgency").asString()).isEqualTo("B");

            events.awaitEventOf(id, escalatedTo(1));
            events.awaitEventOf(id, escalatedTo(2));
            // Both watchers keep sweeping: give each two more full sweeps to (wrongly) escalate again.
            double first = sweeps(meters);
            double other = sweeps(secondMeters);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> sweeps(meters) >= first + 2 && sweeps(secondMeters) >= other + 2);

            List<JsonNode> escalations = events.eventsOf(id).stream()
                    .filter(escalatedTo(1).or(escalatedTo(2)))
                    .toList();
            assertThat(escalations)
                    .extracting(event -> event.path("data").get("level").asInt())
                    .containsExactly(1, 2);
            assertPublishedContract(escalations);
            JsonNode level1 = escalations.getFirst().path("data");
            JsonNode level2 = escalations.getLast().path("data");
            assertThat(Instant.parse(level1.get("dueBy").asString())).isEqualTo(dueBy);
            assertThat(level1.get("urgency").asString())
                    .as("the suggested one, not qualified yet")
                    .isEqualTo("B");
            assertThat(Instant.parse(level1.get("escalatedAt").asString())).isAfterOrEqualTo(dueBy);
            assertThat(Instant.parse(level2.get("escalatedAt").asString()))
                    .isAfterOrEqualTo(dueBy.plus(Duration.ofSeconds(2)));

            JsonNode history = json(get("/api/alerts/" + id + "/history", token("coord-bievre")));
            assertThat(StreamSupport.stream(history.spliterator(), false)
                            .filter(entry -> entry.get("action").asString().equals("escalated"))
                            .map(entry -> entry.get("detail").asString()))
                    .containsExactly("level 1", "level 2");
            JsonNode alert = json(get("/api/alerts/" + id, token("coord-bievre")));
            assertThat(alert.get("escalationLevel").asInt()).isEqualTo(2);
            assertThat(alert.get("overdue").asBoolean()).isTrue();
            assertThat(get("/actuator/prometheus", null).body())
                    .contains("maillage_alert_escalation_sweeps_total")
                    .contains("maillage_alert_escalations_total{application=\"alert-service\",level=\"1\"}")
                    .contains("maillage_alert_escalations_total{application=\"alert-service\",level=\"2\"}");
        }
    }

    @Test
    void anAnsweredAlertIsNotEscalated() {
        TopicReader events = read(ALERT_TOPIC);
        String id = raise(token("coord-bievre"), alertBody("bievre", "38130", freshPersonRef(), "VIOLENCE_TO_OTHERS"))
                .get("id")
                .asString();
        step(id, "qualification", token("coord-bievre"), """
                {"urgency":"B","responseLevel":"MOBILE_CRISIS_TEAM","rationale":"threats to a neighbour"}""");
        JsonNode responded = step(id, "response", token("coord-bievre"), RESPONSE);
        Instant dueBy = Instant.parse(responded.get("dueBy").asString());
        int levelWhenAnswered = responded.get("escalationLevel").asInt();

        // Wait past where both levels would have come, and two sweeps more.
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(dueBy.plus(Duration.ofSeconds(3))));
        double sweeps = sweeps(meters);
        await().atMost(Duration.ofSeconds(30)).until(() -> sweeps(meters) >= sweeps + 2);

        assertThat(events.eventsOf(id).stream().filter(escalatedTo(1).or(escalatedTo(2))))
                .hasSize(levelWhenAnswered);
        assertThat(json(get("/api/alerts/" + id, token("coord-bievre")))
                        .get("escalationLevel")
                        .asInt())
                .isEqualTo(levelWhenAnswered);
    }
}
