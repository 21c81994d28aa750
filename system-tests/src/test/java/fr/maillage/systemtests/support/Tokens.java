package fr.maillage.systemtests.support;

import fr.maillage.localstack.keycloak.KeycloakLogin;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real access tokens from the platform's Keycloak: client credentials for partner systems, a
 * scripted authorization code + PKCE login for users (the password grant is off). Cached for less
 * than their 5-minute lifespan.
 */
public final class Tokens {

    public static final String PASSWORD = "maillage-demo";
    private static final Duration REUSE = Duration.ofMinutes(3);
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {}

    /** A demo user's token (coord-bievre, dr-martin, ...) or a partner client's (partner-epsm, partner-dac). */
    public static String of(String name) {
        Cached cached = CACHE.get(name);
        if (cached == null || cached.obtained().plus(REUSE).isBefore(Instant.now())) {
            cached = new Cached(fetch(name), Instant.now());
            CACHE.put(name, cached);
        }
        return cached.token();
    }

    private static String fetch(String name) {
        String keycloak = RunningPlatform.keycloak();
        if (name.startsWith("partner-")) {
            return KeycloakLogin.clientCredentials(keycloak, name, name + "-secret");
        }
        return KeycloakLogin.authorizationCodeWithPkce(keycloak, name, PASSWORD);
    }

    /** The claims of a token (not verified: the services do that). */
    public static JsonNode claims(String token) {
        String payload = token.split("\\.")[1];
        return JsonMapper.builder()
                .build()
                .readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    /** The same token with one claim changed and the original signature: a forgery. */
    public static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"coordinator\"", "\"admin\"")
                .replace("\"partner\"", "\"admin\"");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }

    private record Cached(String token, Instant obtained) {}
}
