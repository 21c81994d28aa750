package fr.maillage.systemtests.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak's admin REST API, used by tests only to create short-lived test clients whose tokens
 * are expired or meant for another audience. Logs in as the local stack's bootstrap admin, whose
 * generated password {@code ./maillage} keeps in {@code $MAILLAGE_HOME/secrets}.
 */
public final class KeycloakAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String adminToken;

    private KeycloakAdmin(String baseUrl, String adminToken) {
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
    }

    public static KeycloakAdmin login(String baseUrl, Path maillageHome) throws IOException {
        String password = Files.readString(maillageHome.resolve("secrets/keycloak-admin-password"))
                .trim();
        String form = "grant_type=password&client_id=admin-cli&username=maillage-ops&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());
        return new KeycloakAdmin(
                baseUrl, JSON.readTree(response.body()).path("access_token").asString());
    }

    /**
     * Creates (or replaces) a confidential client-credentials client in realm {@code maillage} with
     * the given access-token lifespan; {@code withPlatformAudience=false} leaves out the realm's
     * default client scopes, so its tokens are not meant for {@code maillage-api}.
     */
    public void createClient(
            String clientId, String secret, int accessTokenLifespanSeconds, boolean withPlatformAudience) {
        deleteClient(clientId);
        Map<String, Object> client = new java.util.LinkedHashMap<>(Map.of(
                "clientId", clientId,
                "secret", secret,
                "publicClient", false,
                "standardFlowEnabled", false,
                "directAccessGrantsEnabled", false,
                "serviceAccountsEnabled", true,
                "attributes", Map.of("access.token.lifespan", Integer.toString(accessTokenLifespanSeconds))));
        if (!withPlatformAudience) {
            client.put("defaultClientScopes", java.util.List.of());
            client.put("optionalClientScopes", java.util.List.of());
        }
        HttpResponse<String> response = send(admin("/clients")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client)))
                .build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "cannot create client " + clientId + ": " + response.statusCode() + " " + response.body());
        }
    }

    public void deleteClient(String clientId) {
        HttpResponse<String> found =
                send(admin("/clients?clientId=" + clientId).GET().build());
        for (var client : JSON.readTree(found.body())) {
            send(admin("/clients/" + client.path("id").asString()).DELETE().build());
        }
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/maillage" + path))
                .header("Authorization", "Bearer " + adminToken);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak admin API: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
