package fr.maillage.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.localstack.oidc.TestTokens;
import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import fr.maillage.platform.web.testapp.Http;
import fr.maillage.platform.web.testapp.Http.Answer;
import fr.maillage.platform.web.testapp.KitIntegrationTest;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@KitIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    PersonalDataAudit audit;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    /** The JSON log lines of the console output that satisfy a condition. */
    private static JsonNode logLine(CapturedOutput output, String messagePart) {
        return output.getOut()
                .lines()
                .filter(line -> line.startsWith("{") && line.contains(messagePart))
                .map(line -> JsonMapper.shared().readTree(line))
                .findFirst()
                .orElse(null);
    }

    @Test
    void theCorrelationIdIsEchoedOrMade() {
        Answer given = http.get("/actuator/health", null, "X-Correlation-Id", "corr-42");
        Answer made = http.get("/actuator/health", null);

        assertThat(given.header("X-Correlation-Id")).isEqualTo("corr-42");
        assertThat(made.header("X-Correlation-Id")).hasSize(36);
    }

    @Test
    void anUnexpectedErrorIsLoggedAsJsonWithItsTraceAndNotAnswered(CapturedOutput output) {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        Answer answer = http.get(
                "/api/boom",
                TestTokens.demo("coord-bievre").token(),
                "traceparent",
                "00-" + traceId + "-00f067aa0ba902b7-01",
                "X-Correlation-Id",
                "corr-boom");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("traceId").asString()).isEqualTo(traceId);
        assertThat(answer.body()).doesNotContain("secret").doesNotContain("at fr.maillage");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(logLine(output, "Unexpected error")).isNotNull());
        JsonNode line = logLine(output, "Unexpected error");
        assertThat(line.toString()).contains(traceId).contains("corr-boom").contains("kit-test");
        assertThat(line.get("error").get("stack_trace").asString()).contains("secret internal detail");
        assertThat(line.get("log").get("level").asString()).isEqualTo("ERROR");
    }

    @Test
    void personalDataAccessIsAuditedWithoutIdentityData(CapturedOutput output) {
        CurrentUser who = new CurrentUser(
                "6f1c1a3e-0001-4000-8000-000000000003",
                "dr-martin",
                Set.of(Role.CLINICIAN),
                "msp-bievre",
                Set.of("bievre"),
                "general-practitioner",
                "maillage-console");

        audit.record(who, "person-ref-123", "read-identity", "referral-review\nforged line");

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(logLine(output, "person-ref-123")).isNotNull());
        JsonNode line = logLine(output, "person-ref-123");
        assertThat(line.get("log").get("logger").asString()).isEqualTo("maillage.audit");
        assertThat(line.toString())
                .contains("read-identity")
                .contains("6f1c1a3e-0001-4000-8000-000000000003")
                .contains("msp-bievre")
                .contains("referral-review forged line")
                .doesNotContain("dr-martin");
    }

    @Test
    void prometheusExposesHttpMetricsTaggedWithTheService() {
        http.get("/actuator/health", null);

        String metrics = http.get("/actuator/prometheus", null).body();

        assertThat(metrics).contains("http_server_requests_seconds").contains("application=\"kit-test\"");
    }
}
