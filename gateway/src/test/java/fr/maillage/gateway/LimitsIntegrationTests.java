package fr.maillage.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.localstack.oidc.TestTokens;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Limits: 1 MB bodies (the default); bursts of 5 requests, then 1 per second (set for tests). */
class LimitsIntegrationTests extends GatewayIntegrationTestSupport {

    private static final int ONE_MB = 1024 * 1024;

    @Test
    void bodyAboveTheLimitIsRejectedFromItsContentLength() {
        String path = "/api/referrals/" + UUID.randomUUID();

        HttpResponse<String> response = send(authorized(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[ONE_MB + 1])));

        problem(response, 413, "payload-too-large");
        assertThat(service("referral").receivedOn(path)).isEmpty();
    }

    @Test
    void chunkedBodyAboveTheLimitIsRejectedToo() {
        String path = "/api/referrals/" + UUID.randomUUID();

        HttpResponse<String> response =
                send(authorized(path).header("Content-Type", "application/json").POST(chunked(2 * ONE_MB)));

        problem(response, 413, "payload-too-large");
        assertThat(service("referral").receivedOn(path)).isEmpty();
    }

    @Test
    void chunkedBodyWithinTheLimitIsForwardedWhole() {
        String path = "/api/referrals/" + UUID.randomUUID();

        HttpResponse<String> response =
                send(authorized(path).header("Content-Type", "application/json").POST(chunked(300 * 1024)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(service("referral").receivedOn(path))
                .singleElement()
                .satisfies(received -> assertThat(received.bodyLength()).isEqualTo(300 * 1024));
    }

    @Test
    void bodyOfExactlyTheLimitPasses() {
        String path = "/api/referrals/" + UUID.randomUUID();

        HttpResponse<String> response = send(authorized(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[ONE_MB])));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(service("referral").receivedOn(path))
                .singleElement()
                .satisfies(received -> assertThat(received.bodyLength()).isEqualTo(ONE_MB));
    }

    @Test
    void clientPastItsRateGets429WithRetryAfterWhileOthersGoOn() {
        String greedy =
                TestTokens.user("partner-epsm").authorizedParty("partner-epsm").token();
        for (int i = 0; i < 5; i++) {
            assertThat(send(request("/api/events?burst=" + i).header("Authorization", "Bearer " + greedy))
                            .statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> limited = null;
        for (int i = 0; i < 20 && limited == null; i++) {
            HttpResponse<String> response =
                    send(request("/api/events?after=" + i).header("Authorization", "Bearer " + greedy));
            if (response.statusCode() == 429) {
                limited = response;
            }
        }

        assertThat(limited).as("a 429 within 20 requests past the burst").isNotNull();
        assertThat(problem(limited, 429, "rate-limited").get("detail").asString())
                .startsWith("Too many requests from this client");
        assertThat(limited.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");

        HttpResponse<String> someoneElse = get("/api/events?after=0");
        assertThat(someoneElse.statusCode()).isEqualTo(200);
    }

    private static HttpRequest.BodyPublisher chunked(int size) {
        // no known length: the JDK client sends Transfer-Encoding: chunked
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[size]));
    }
}
