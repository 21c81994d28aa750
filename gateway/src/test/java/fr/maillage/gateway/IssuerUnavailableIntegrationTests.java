package fr.maillage.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.localstack.oidc.TestIssuer;
import fr.maillage.localstack.oidc.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Keycloak down: the gateway still starts (the issuer is read lazily) and answers 503, not 500. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:1/realms/maillage")
class IssuerUnavailableIntegrationTests {

    private static final TestIssuer OTHER_ISSUER = TestIssuer.start();

    @LocalServerPort
    int port;

    @AfterAll
    static void stopIssuer() {
        OTHER_ISSUER.close();
    }

    @Test
    void tokenThatCannotBeCheckedGets503Problem() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/referrals/1"))
                .header(
                        "Authorization",
                        "Bearer "
                                + TestTokens.demo("dr-martin")
                                        .issuer(OTHER_ISSUER)
                                        .token())
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:maillage:problem:service-unavailable");
        assertThat(problem.get("detail").asString()).contains("identity provider");
    }
}
