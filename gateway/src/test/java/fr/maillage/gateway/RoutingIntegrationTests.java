package fr.maillage.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingIntegrationTests extends GatewayIntegrationTestSupport {

    @ParameterizedTest(name = "{0} -> {1}-service")
    @CsvSource({
        "/api/resources, referral",
        "/api/referrals, referral",
        "/api/persons, referral",
        "/api/workshops, workshop",
        "/api/meetings, meeting",
        "/api/alerts, alert",
        "/api/questionnaires, evaluation",
        "/api/responses, evaluation",
        "/api/indicators, evaluation",
        "/api/reports, evaluation",
        "/api/subscriptions, subscription",
        "/api/events, subscription",
        "/api/catalogue, subscription"
    })
    void everyApiPrefixReachesItsServiceOnTheSamePathWithTheCallersToken(String prefix, String serviceName) {
        String path = prefix + "/" + UUID.randomUUID();
        String token = userToken();

        HttpResponse<String> response =
                send(request(path + "?page=2&size=5").header("Authorization", "Bearer " + token));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Served-By")).hasValue(serviceName);
        assertThat(service(serviceName).receivedOn(path)).singleElement().satisfies(received -> {
            assertThat(received.method()).isEqualTo("GET");
            assertThat(received.pathAndQuery()).isEqualTo(path + "?page=2&size=5");
            assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
        });
    }

    @Test
    void collectionRootIsRoutedAsWell() {
        HttpResponse<String> response = get("/api/alerts");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Served-By")).hasValue("alert");
    }

    @Test
    void postBodyReachesTheServiceWhole() {
        String path = "/api/referrals/" + UUID.randomUUID();
        String json = "{\"note\":\"" + "x".repeat(50_000) + "\"}";

        HttpResponse<String> response = send(authorized(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(service("referral").receivedOn(path)).singleElement().satisfies(received -> {
            assertThat(received.method()).isEqualTo("POST");
            assertThat(received.bodyLength()).isEqualTo(json.length());
            assertThat(received.header("Content-Type")).isEqualTo("application/json");
        });
    }

    @Test
    void pathWithoutRouteIsNotFoundProblem() {
        HttpResponse<String> response = get("/api/unknown-things/1");

        assertThat(problem(response, 404, "not-found").get("detail").asString())
                .isEqualTo("No route for GET /api/unknown-things/1.");
    }
}
