package fr.maillage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.localstack.keycloak.KeycloakLogin;
import fr.maillage.localstack.keycloak.KeycloakLogin.LoginFailedException;
import fr.maillage.systemtests.support.RunningPlatform;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm {@code deploy/keycloak/maillage-realm.json} as the platform relies on it (DESIGN §6),
 * checked against the platform's running Keycloak.
 */
@Order(0)
@ExtendWith(RunningPlatform.class)
class KeycloakRealmSystemTests {

    private static final String KEYCLOAK = RunningPlatform.keycloak();
    private static final String ISSUER = KeycloakLogin.realmUrl(KEYCLOAK);
    private static final String ID_PREFIX = "6f1c1a3e-0001-4000-8000-00000000000";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            coord-bievre | 1 | coordinator           | cpts-bievre | bievre          | coordinator
            coord-lyon   | 2 | coordinator           | ptsm-lyon   | lyon-nord       | coordinator
            dr-martin    | 3 | clinician             | msp-bievre  | bievre          | general-practitioner
            psy-durand   | 4 | facilitator clinician | lieu-dit    | bievre          | clinical-psychologist
            ide-bernard  | 5 | facilitator clinician | msp-bievre  | bievre          | nurse
            copil-bievre | 6 | steering              | cpts-bievre | bievre          | public-health
            admin        | 7 | admin                 | platform    | bievre lyon-nord | -
            """)
    void demoUsersLogInWithPkceAndCarryTheirRolesAndScope(
            String username, int id, String roles, String institution, String territories, String profession) {
        JsonNode claims =
                claims(KeycloakLogin.authorizationCodeWithPkce(KEYCLOAK, username, KeycloakLogin.DEMO_PASSWORD));

        assertThat(claims.path("iss").asString()).isEqualTo(ISSUER);
        assertThat(claims.path("sub").asString()).isEqualTo(ID_PREFIX + id);
        assertThat(claims.path("preferred_username").asString()).isEqualTo(username);
        assertThat(claims.path("azp").asString()).isEqualTo(KeycloakLogin.CONSOLE_CLIENT_ID);
        assertThat(audience(claims)).contains("maillage-api");
        assertThat(strings(claims.path("realm_access").path("roles"))).containsExactlyInAnyOrder(roles.split(" "));
        assertThat(claims.path("institution").isString()).isTrue();
        assertThat(claims.path("institution").asString()).isEqualTo(institution);
        assertThat(claims.path("territories").isArray())
                .as("territories is a JSON array")
                .isTrue();
        assertThat(strings(claims.path("territories"))).containsExactlyInAnyOrder(territories.split(" "));
        if (profession == null) {
            assertThat(claims.has("profession")).isFalse();
        } else {
            assertThat(claims.path("profession").asString()).isEqualTo(profession);
        }
        assertThat(lifetime(claims)).isEqualTo(300);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"partner-epsm, epsm-bievre, bievre", "partner-dac, dac-lyon, lyon-nord"})
    void partnerSystemsGetTokensWithTheClientCredentialsGrant(String client, String institution, String territory) {
        JsonNode claims = claims(KeycloakLogin.clientCredentials(KEYCLOAK, client, client + "-secret"));

        assertThat(claims.path("iss").asString()).isEqualTo(ISSUER);
        assertThat(claims.path("azp").asString()).isEqualTo(client);
        assertThat(claims.path("preferred_username").asString()).isEqualTo("service-account-" + client);
        assertThat(audience(claims)).contains("maillage-api");
        assertThat(strings(claims.path("realm_access").path("roles"))).containsExactly("partner");
        assertThat(claims.path("institution").asString()).isEqualTo(institution);
        assertThat(claims.path("territories").isArray()).isTrue();
        assertThat(strings(claims.path("territories"))).containsExactly(territory);
        assertThat(lifetime(claims)).isEqualTo(300);
    }

    @Test
    void thePasswordGrantIsRefusedToEveryClient() {
        for (Map<String, String> client : List.of(
                Map.of("client_id", "maillage-console"),
                Map.of("client_id", "partner-epsm", "client_secret", "partner-epsm-secret"),
                Map.of("client_id", "partner-dac", "client_secret", "partner-dac-secret"),
                Map.of("client_id", "admin-cli"),
                Map.of("client_id", "account-console"))) {
            Map<String, String> form = new java.util.HashMap<>(client);
            form.putAll(Map.of(
                    "grant_type", "password", "username", "coord-bievre", "password", KeycloakLogin.DEMO_PASSWORD));

            KeycloakLogin.TokenResponse answer = KeycloakLogin.token(KEYCLOAK, form);

            assertThat(answer.ok())
                    .as("password grant for %s: %s", client, answer)
                    .isFalse();
            assertThat(answer.status()).isBetween(400, 401);
        }
    }

    @Test
    void aWrongPasswordDoesNotLogIn() {
        assertThatThrownBy(() -> KeycloakLogin.authorizationCodeWithPkce(KEYCLOAK, "copil-bievre", "not-the-password"))
                .isInstanceOf(LoginFailedException.class)
                .hasMessageContaining("copil-bievre");
        // one failure is far from the lockout threshold: the right password still works
        assertThat(KeycloakLogin.authorizationCodeWithPkce(KEYCLOAK, "copil-bievre", KeycloakLogin.DEMO_PASSWORD))
                .isNotBlank();
    }

    @Test
    void aWrongClientSecretGetsNoToken() {
        KeycloakLogin.TokenResponse answer = KeycloakLogin.token(
                KEYCLOAK,
                Map.of("grant_type", "client_credentials", "client_id", "partner-epsm", "client_secret", "wrong"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.ok()).isFalse();
    }

    @Test
    void theConsoleMustSendAnS256CodeChallenge() {
        String withoutChallenge = redirectOf(authorizationRequest(Map.of("response_type", "code")));
        String plainChallenge = redirectOf(authorizationRequest(
                Map.of("response_type", "code", "code_challenge", "a".repeat(43), "code_challenge_method", "plain")));

        assertThat(withoutChallenge)
                .startsWith(KeycloakLogin.CONSOLE_REDIRECT_URI)
                .contains("error=invalid_request");
        assertThat(plainChallenge)
                .startsWith(KeycloakLogin.CONSOLE_REDIRECT_URI)
                .contains("error=invalid_request");
    }

    @Test
    void theImplicitFlowIsRefused() {
        String redirect = redirectOf(authorizationRequest(Map.of(
                "response_type", "token",
                "code_challenge", "a".repeat(43),
                "code_challenge_method", "S256")));

        assertThat(redirect).contains("error=unauthorized_client").doesNotContain("access_token");
    }

    @Test
    void onlyTheExactConsoleRedirectUriIsAccepted() {
        for (String redirectUri : List.of(
                KeycloakLogin.CONSOLE_REDIRECT_URI + "/../evil",
                KeycloakLogin.CONSOLE_REDIRECT_URI + "x",
                "http://localhost:8080/login/oauth2/code/keycloak",
                "http://127.0.0.1:8080/")) {
            HttpResponse<String> answer = authorizationRequest(Map.of(
                    "response_type",
                    "code",
                    "redirect_uri",
                    redirectUri,
                    "code_challenge",
                    "a".repeat(43),
                    "code_challenge_method",
                    "S256"));

            assertThat(answer.statusCode()).as(redirectUri).isEqualTo(400);
            assertThat(answer.body()).contains("Invalid parameter: redirect_uri");
        }
    }

    private static HttpResponse<String> authorizationRequest(Map<String, String> parameters) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("client_id", KeycloakLogin.CONSOLE_CLIENT_ID);
        query.put("scope", "openid");
        query.put("state", "state-123");
        query.put("redirect_uri", KeycloakLogin.CONSOLE_REDIRECT_URI);
        query.putAll(parameters);
        String encoded = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create(ISSUER + "/protocol/openid-connect/auth?" + encoded))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("Keycloak unreachable at " + KEYCLOAK, e);
        }
    }

    private static String redirectOf(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    /** The token's claims, signature not checked (the services do that). */
    private static JsonNode claims(String jwt) {
        byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
        return JsonMapper.shared().readTree(new String(payload, StandardCharsets.UTF_8));
    }

    private static List<String> audience(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() ? strings(aud) : List.of(aud.asString());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.values().forEach(v -> values.add(v.asString()));
        return values;
    }

    private static long lifetime(JsonNode claims) {
        return claims.path("exp").asLong() - claims.path("iat").asLong();
    }
}
