package fr.maillage.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.localstack.oidc.DemoUsers;
import fr.maillage.localstack.oidc.TestTokens;
import fr.maillage.platform.web.testapp.Http;
import fr.maillage.platform.web.testapp.Http.Answer;
import fr.maillage.platform.web.testapp.KitIntegrationTest;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

@KitIntegrationTest
class SecurityIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    private static void assertUnauthorized(Answer answer) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:maillage:problem:unauthorized");
        assertThat(answer.json().get("instance").asString()).isEqualTo("/api/things");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(answer.header("Set-Cookie")).isNull();
    }

    @Test
    void noTokenIsUnauthorized() {
        Answer answer = http.get("/api/things", null);

        assertUnauthorized(answer);
        assertThat(answer.json().get("detail").asString()).contains("bearer access token");
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        Answer answer = http.get(
                "/api/things", TestTokens.demo("coord-bievre").expired().token());

        assertUnauthorized(answer);
        assertThat(answer.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthorized() {
        assertUnauthorized(http.get(
                "/api/things", TestTokens.demo("coord-bievre").audience("other").token()));
    }

    @Test
    void aTokenWithABadSignatureIsUnauthorized() {
        assertUnauthorized(http.get(
                "/api/things",
                TestTokens.demo("coord-bievre").signedByAnotherKey().token()));
    }

    @Test
    void aTokenFromAnotherIssuerIsUnauthorized() {
        assertUnauthorized(http.get(
                "/api/things",
                TestTokens.demo("coord-bievre")
                        .issuerClaim("http://localhost:8180/realms/maillage")
                        .token()));
    }

    @Test
    void aRoleThatMayNotActIsForbidden() {
        Answer answer = http.post(
                "/api/things", TestTokens.demo("dr-martin").token(), Http.json(Map.of("name", "x", "colour", "RED")));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:maillage:problem:forbidden");
    }

    @Test
    void currentUserCarriesRolesInstitutionTerritoriesAndProfession() {
        String token = TestTokens.demo("psy-durand").token();

        for (String path : new String[] {"/api/me", "/api/me/static"}) {
            JsonNode me = http.get(path, token).json();

            assertThat(me.get("id").asString()).isEqualTo(DemoUsers.PSY_DURAND_ID.toString());
            assertThat(me.get("username").asString()).isEqualTo("psy-durand");
            assertThat(me.get("roles").toString()).contains("FACILITATOR", "CLINICIAN");
            assertThat(me.get("institution").asString()).isEqualTo("lieu-dit");
            assertThat(me.get("territories").toString()).isEqualTo("[\"bievre\"]");
            assertThat(me.get("profession").asString()).isEqualTo("clinical-psychologist");
            assertThat(me.get("clientId").asString()).isEqualTo("maillage-console");
        }
    }

    @Test
    void aPartnerSystemIsKnownByItsClientAndInstitution() {
        JsonNode me =
                http.get("/api/me", TestTokens.demo("partner-epsm").token()).json();

        assertThat(me.get("roles").toString()).isEqualTo("[\"PARTNER\"]");
        assertThat(me.get("clientId").asString()).isEqualTo("partner-epsm");
        assertThat(me.get("institution").asString()).isEqualTo("epsm-bievre");
    }

    @Test
    void territoriesSentAsOneStringAreStillASet() {
        String token = TestTokens.demo("admin")
                .claim("territories", "bievre lyon-nord")
                .token();

        JsonNode me = http.get("/api/me", token).json();

        assertThat(me.get("territories").toString()).contains("\"bievre\"", "\"lyon-nord\"");
    }

    @Test
    void probesMetricsAndTheApiDocumentAreOpen() {
        // Readiness pings MongoDB: make sure the database exists (Boot's own check failed on the wire server then).
        mongo.getCollection("probes").insertOne(new Document("at", System.nanoTime()));

        assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
        Answer prometheus = http.get("/actuator/prometheus", null);
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
        assertThat(http.get("/v3/api-docs", null).status()).isEqualTo(200);
    }

    @Test
    void otherActuatorEndpointsNeedAToken() {
        assertThat(http.get("/actuator/info", null).status()).isEqualTo(401);
    }

    @Test
    void theApiDocumentDeclaresTheBearerSchemeAndHidesCurrentUser() {
        JsonNode doc = http.get("/v3/api-docs", null).json();

        JsonNode scheme = doc.get("components").get("securitySchemes").get("bearer-jwt");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        assertThat(doc.get("security").toString()).contains("bearer-jwt");
        assertThat(doc.get("paths").get("/api/me").toString()).doesNotContain("\"parameters\"");
    }
}
