package fr.maillage.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class CorrelationIntegrationTests extends GatewayIntegrationTestSupport {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void givenCorrelationIdIsForwardedEchoedAndLogged(CapturedOutput output) {
        String id = "case-" + UUID.randomUUID();
        String path = "/api/meetings/" + UUID.randomUUID();

        HttpResponse<String> response = send(authorized(path).header("X-Correlation-Id", id));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue(id);
        assertThat(service("meeting").receivedOn(path))
                .singleElement()
                .satisfies(received ->
                        assertThat(received.header("X-Correlation-Id")).isEqualTo(id));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(output.getOut())
                        .containsPattern("\"message\":\"GET " + path + " -> 200 in \\d+ ms\".*\"correlationId\":\"" + id
                                + "\""));
    }

    @Test
    void missingCorrelationIdIsCreatedForwardedAndEchoed() {
        String path = "/api/meetings/" + UUID.randomUUID();

        HttpResponse<String> response = get(path);

        String id = response.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(id).matches(UUID_PATTERN);
        assertThat(service("meeting").receivedOn(path))
                .singleElement()
                .satisfies(received ->
                        assertThat(received.header("X-Correlation-Id")).isEqualTo(id));
    }

    @Test
    void malformedCorrelationIdIsReplaced() {
        HttpResponse<String> response =
                send(authorized("/api/meetings/" + UUID.randomUUID()).header("X-Correlation-Id", "x".repeat(200)));

        assertThat(response.headers().firstValue("X-Correlation-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches(UUID_PATTERN));
    }

    @Test
    void errorsAnsweredByTheGatewayCarryTheCorrelationId() {
        HttpResponse<String> response = send(request("/api/meetings/1").header("X-Correlation-Id", "case-401"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("case-401");
    }

    @Test
    void w3cTraceContextIsPropagatedToTheService() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String path = "/api/meetings/" + UUID.randomUUID();

        send(authorized(path).header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01"));

        assertThat(service("meeting").receivedOn(path))
                .singleElement()
                .satisfies(received ->
                        assertThat(received.header("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01"));
    }
}
