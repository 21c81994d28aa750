package fr.maillage.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.localstack.oidc.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class EdgeSecurityIntegrationTests extends GatewayIntegrationTestSupport {

    @Test
    void requestWithoutTokenIsUnauthorizedProblemAndNeverReachesTheService() {
        String path = "/api/referrals/" + UUID.randomUUID();

        HttpResponse<String> response = send(request(path).GET());

        problem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(service("referral").receivedOn(path)).isEmpty();
    }

    @Test
    void thePublicEventCatalogueIsReadWithoutATokenAndNothingElseOfTheServiceIs() {
        HttpResponse<String> catalogue = send(request("/api/events/catalogue").GET());

        assertThat(catalogue.statusCode()).isEqualTo(200);
        assertThat(service("subscription").receivedOn("/api/events/catalogue")).hasSize(1);
        problem(send(request("/api/events").GET()), 401, "unauthorized");
        problem(send(request("/api/subscriptions").GET()), 401, "unauthorized");
    }

    @Test
    void aProducersOwnAsyncApiDocumentIsReadWithoutATokenAndOnlyRead() {
        HttpResponse<String> document =
                send(request("/api/events/catalogue/alert").GET());

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("X-Served-By")).hasValue("alert");
        problem(
                send(request("/api/events/catalogue/alert").POST(HttpRequest.BodyPublishers.noBody())),
                401,
                "unauthorized");
    }

    /** One caller per producer: anonymous callers share one small rate-limit bucket in these tests. */
    @ParameterizedTest
    @ValueSource(strings = {"referral", "workshop", "meeting", "alert", "evaluation"})
    void eachProducersOwnAsyncApiDocumentComesFromThatServicesSpringwolfEndpoint(String producer) {
        int before = service(producer).receivedOn("/springwolf/docs").size();
        String token = TestTokens.user("integrator-" + producer).token();

        HttpResponse<String> document =
                send(request("/api/events/catalogue/" + producer).header("Authorization", "Bearer " + token));

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("X-Served-By")).hasValue(producer);
        assertThat(service(producer).receivedOn("/springwolf/docs"))
                .hasSize(before + 1)
                .last()
                .satisfies(received -> assertThat(received.pathAndQuery()).isEqualTo("/springwolf/docs"));
        assertThat(service("subscription").receivedOn("/api/events/catalogue/" + producer))
                .isEmpty();
    }

    static Stream<Arguments> rejectedTokens() {
        return Stream.of(
                Arguments.of("expired", (Supplier<String>)
                        () -> TestTokens.user("dr-martin").expired().token()),
                Arguments.of("wrong audience", (Supplier<String>) () ->
                        TestTokens.user("dr-martin").audience("another-api").token()),
                Arguments.of("bad signature", (Supplier<String>)
                        () -> TestTokens.user("dr-martin").signedByAnotherKey().token()),
                Arguments.of("not a JWT", (Supplier<String>) () -> "not.a.jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedTokens")
    void invalidTokenIsUnauthorizedProblemAndNeverReachesTheService(String why, Supplier<String> token) {
        String path = "/api/alerts/" + UUID.randomUUID();

        HttpResponse<String> response = send(request(path).header("Authorization", "Bearer " + token.get()));

        problem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
        assertThat(service("alert").receivedOn(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"})
    void healthProbesAreOpenWithoutToken(String path) {
        HttpResponse<String> response = send(request(path).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(response.body()).get("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void prometheusMetricsNeedTheAdminRole() {
        problem(send(request("/actuator/prometheus").GET()), 401, "unauthorized");
        problem(get("/actuator/prometheus"), 403, "forbidden");

        HttpResponse<String> asAdmin = send(request("/actuator/prometheus")
                .header(
                        "Authorization",
                        "Bearer " + TestTokens.user("admin").roles("admin").token()));

        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(asAdmin.body()).contains("jvm_memory_used_bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/env", "/actuator/gateway/routes", "/actuator/beans"})
    void otherActuatorEndpointsAreClosedEvenToAdmins(String path) {
        HttpResponse<String> response = send(request(path)
                .header(
                        "Authorization",
                        "Bearer " + TestTokens.user("admin").roles("admin").token()));

        problem(response, 403, "forbidden");
    }

    @Test
    void fallbackEndpointsAreNotReachableFromOutside() {
        problem(get("/fallback/referral"), 403, "forbidden");
    }
}
