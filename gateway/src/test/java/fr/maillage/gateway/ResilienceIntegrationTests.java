package fr.maillage.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.gateway.support.StubService;
import fr.maillage.gateway.support.StubService.Answer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Time limit 1 s, breaker open for 2 s in these tests (see the support class). */
class ResilienceIntegrationTests extends GatewayIntegrationTestSupport {

    @Test
    void stoppedServiceGets503QuicklyThenAnOpenBreakerThen200WhenItIsBack() {
        StubService alert = service("alert");
        assertThat(get("/api/alerts/before").statusCode()).isEqualTo(200);

        alert.stop();
        try {
            String path = "/api/alerts/" + UUID.randomUUID();
            long start = System.nanoTime();
            HttpResponse<String> down = get(path);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            JsonNode problem = problem(down, 503, "service-unavailable");
            assertThat(problem.get("detail").asString()).startsWith("alert-service is unavailable");
            assertThat(problem.get("instance").asString()).isEqualTo(path);
            assertThat(down.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(took).isLessThan(Duration.ofSeconds(2));

            // a few more failures open the breaker: then the gateway answers without trying
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(problem(get("/api/alerts/again"), 503, "service-unavailable")
                                    .get("detail")
                                    .asString())
                            .contains("circuit breaker is open"));
        } finally {
            alert.restart();
        }

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(
                        () -> assertThat(get("/api/alerts/after").statusCode()).isEqualTo(200));
    }

    @Test
    void slowServiceGets504WhenTheTimeLimitIsReached() {
        String path = "/api/meetings/slow-" + UUID.randomUUID();
        service("meeting").when(path, request -> Answer.ok().after(Duration.ofSeconds(5)));

        long start = System.nanoTime();
        HttpResponse<String> response = get(path);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(problem(response, 504, "gateway-timeout").get("detail").asString())
                .isEqualTo("meeting-service did not answer within 1 s.");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void getIsRetriedWhenTheServiceAnswers503AndGetsTheLaterAnswer() {
        String path = "/api/workshops/flaky-" + UUID.randomUUID();
        AtomicInteger calls = new AtomicInteger();
        service("workshop").when(path, request -> calls.incrementAndGet() <= 2 ? Answer.status(503) : Answer.ok());

        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(service("workshop").receivedOn(path)).hasSize(3);
    }

    @Test
    void getIsRetriedTwiceAtMostThenTheServicesAnswerIsPassedOn() {
        String path = "/api/workshops/broken-" + UUID.randomUUID();
        service("workshop").when(path, request -> Answer.status(502));

        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("{\"from\":\"service\",\"status\":502}");
        assertThat(service("workshop").receivedOn(path)).hasSize(3);
    }

    @Test
    void postIsNeverRetried() {
        String path = "/api/workshops/busy-" + UUID.randomUUID();
        service("workshop").when(path, request -> Answer.status(503));

        HttpResponse<String> response = send(authorized(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"group\"}")));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"from\":\"service\",\"status\":503}");
        assertThat(service("workshop").receivedOn(path)).hasSize(1);
    }
}
