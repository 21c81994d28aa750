package fr.maillage.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.gateway.support.StubService;
import fr.maillage.localstack.oidc.TestIssuer;
import fr.maillage.localstack.oidc.TestTokens;
import fr.maillage.platform.testing.ServiceHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway on a random loopback port, in front of one stub per service and a test issuer,
 * all started once per JVM so that every integration test class shares one Spring context.
 * The time limit (1 s) and the breaker's open state (2 s) are short so the tests are quick; the
 * rate limit is low (bursts of 5, 1 more per second) so that it is reached whatever the machine's
 * speed: every {@link #userToken()} has its own subject, hence its own bucket.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "maillage.gateway.resilience.time-limit=1s",
            "maillage.gateway.resilience.wait-in-open-state=2s",
            "maillage.gateway.limits.burst-capacity=5",
            "maillage.gateway.limits.replenish-rate=1"
        })
abstract class GatewayIntegrationTestSupport {

    static final TestIssuer ISSUER = TestIssuer.shared();

    static final Map<String, StubService> SERVICES = new LinkedHashMap<>();

    static {
        for (String service : new String[] {"referral", "workshop", "meeting", "alert", "evaluation", "subscription"}) {
            SERVICES.put(service, StubService.start(service));
        }
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuerUri);
        SERVICES.forEach((name, stub) -> registry.add("maillage.services." + name, stub::baseUrl));
    }

    static StubService service(String name) {
        return SERVICES.get(name);
    }

    /** A coordinator's token with a subject of its own, so each test has its own rate-limit bucket. */
    static String userToken() {
        return TestTokens.demo("coord-bievre").subject(UUID.randomUUID()).token();
    }

    /** A request to the gateway with no token (the kit's {@link ServiceHttp}: HTTP/1.1, 30 s timeout). */
    HttpRequest.Builder request(String pathAndQuery) {
        return http().request(pathAndQuery, null);
    }

    HttpRequest.Builder authorized(String pathAndQuery) {
        return http().request(pathAndQuery, userToken());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return http().send(request);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return http().get(pathAndQuery, userToken());
    }

    private ServiceHttp http() {
        return ServiceHttp.onPort(port);
    }

    /** Asserts an RFC 9457 answer from the gateway and returns its JSON. */
    static JsonNode problem(HttpResponse<String> response, int status, String slug) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:maillage:problem:" + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        return problem;
    }
}
