package fr.maillage.localstack.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets access tokens from the real Keycloak of the {@code maillage} realm the way real clients do:
 * the client-credentials grant for partner systems, and a scripted browser login (authorization
 * code + PKCE S256 with the public {@code maillage-console} client) for users. The password grant
 * is off in the realm, so it is deliberately not offered here.
 *
 * <p>{@code keycloakBaseUrl} is the server root, e.g. {@code http://127.0.0.1:8180}.
 */
public final class KeycloakLogin {

    public static final String REALM = "maillage";
    public static final String CONSOLE_CLIENT_ID = "maillage-console";
    public static final String CONSOLE_REDIRECT_URI = "http://127.0.0.1:8080/login/oauth2/code/keycloak";
    /** Password of every demo user of the realm (DESIGN §6). */
    public static final String DEMO_PASSWORD = "maillage-demo";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern LOGIN_FORM =
            Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    // The message Keycloak's login page shows on failure ("Invalid username or password.").
    private static final Pattern FEEDBACK =
            Pattern.compile("kc-feedback-text[^>]*>\\s*([^<]*?)\\s*<", Pattern.CASE_INSENSITIVE);

    // No cookie handler and no redirects: Keycloak's cookies are sent back by hand (see Login) and
    // the final redirect to the console must be read, not followed.
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private KeycloakLogin() {}

    /** A login or token request Keycloak refused (wrong password, grant not allowed, ...). */
    public static final class LoginFailedException extends RuntimeException {
        public LoginFailedException(String message) {
            super(message);
        }
    }

    /** What the token endpoint answered: HTTP status and JSON body. */
    public record TokenResponse(int status, JsonNode body) {
        public boolean ok() {
            return status == 200 && body.hasNonNull("access_token");
        }

        public String accessToken() {
            if (!ok()) {
                throw new LoginFailedException("Keycloak refused the token request: HTTP " + status + " " + body);
            }
            return body.get("access_token").stringValue();
        }

        /** The OAuth error code ({@code invalid_grant}, {@code unauthorized_client}, ...) or null. */
        public String error() {
            return body.path("error").stringValue(null);
        }
    }

    /** Access token of a confidential client through the client-credentials grant. */
    public static String clientCredentials(String keycloakBaseUrl, String clientId, String secret) {
        return token(
                        keycloakBaseUrl,
                        Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .accessToken();
    }

    /**
     * Access token of a user, obtained like a browser would through the {@code maillage-console}
     * client: authorization request with an S256 challenge, login form, code read from the redirect
     * to the console (not followed), then the code exchanged with the verifier.
     *
     * @throws LoginFailedException when Keycloak does not log the user in (e.g. wrong password)
     */
    public static String authorizationCodeWithPkce(String keycloakBaseUrl, String username, String password) {
        return new Login(realmUrl(keycloakBaseUrl)).run(username, password);
    }

    /** Posts a form to the realm's token endpoint and returns the answer, whatever its status. */
    public static TokenResponse token(String keycloakBaseUrl, Map<String, String> form) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(realmUrl(keycloakBaseUrl) + "/protocol/openid-connect/token"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
                        .build());
        return new TokenResponse(response.statusCode(), JsonMapper.shared().readTree(response.body()));
    }

    /** The realm URL, also the token issuer: {@code <base>/realms/maillage}. */
    public static String realmUrl(String keycloakBaseUrl) {
        String base = keycloakBaseUrl.endsWith("/")
                ? keycloakBaseUrl.substring(0, keycloakBaseUrl.length() - 1)
                : keycloakBaseUrl;
        return base + "/realms/" + REALM;
    }

    /** One scripted browser login: its own cookies, state and PKCE verifier. */
    private static final class Login {
        private final String realmUrl;
        // Keycloak marks its cookies Secure even over plain http; java.net.CookieManager would then
        // never send them back, so they are kept here (one realm, one path: name -> value is enough).
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private final String state = randomToken(16);
        private final String verifier = randomToken(48);

        Login(String realmUrl) {
            this.realmUrl = realmUrl;
        }

        String run(String username, String password) {
            HttpResponse<String> page =
                    exchange(HttpRequest.newBuilder(authorizationUri()).GET());
            if (page.statusCode() != 200) {
                throw new LoginFailedException("Keycloak did not show its login page: HTTP " + page.statusCode() + " "
                        + page.headers().firstValue("Location").orElse(""));
            }
            String action = loginFormAction(page.body());
            HttpResponse<String> answer = exchange(HttpRequest.newBuilder(URI.create(action))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            formEncode(Map.of("username", username, "password", password, "credentialId", "")))));
            String location = answer.headers().firstValue("Location").orElse("");
            if (answer.statusCode() != 302 || !location.startsWith(CONSOLE_REDIRECT_URI + "?")) {
                throw new LoginFailedException("Keycloak did not log " + username + " in: HTTP " + answer.statusCode()
                        + feedback(answer.body()) + (location.isEmpty() ? "" : " -> " + location));
            }
            Map<String, String> callback = queryParameters(URI.create(location).getRawQuery());
            if (callback.containsKey("error")) {
                throw new LoginFailedException("Keycloak redirected with an error for " + username + ": "
                        + callback.get("error") + " " + callback.getOrDefault("error_description", ""));
            }
            if (!state.equals(callback.get("state"))) {
                throw new LoginFailedException("Keycloak redirected with another state than the one sent: " + location);
            }
            String code = callback.get("code");
            if (code == null) {
                throw new LoginFailedException("Keycloak redirected without a code: " + location);
            }
            return token(
                            realmUrl.substring(0, realmUrl.indexOf("/realms/")),
                            Map.of(
                                    "grant_type", "authorization_code",
                                    "client_id", CONSOLE_CLIENT_ID,
                                    "code", code,
                                    "redirect_uri", CONSOLE_REDIRECT_URI,
                                    "code_verifier", verifier))
                    .accessToken();
        }

        private URI authorizationUri() {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("client_id", CONSOLE_CLIENT_ID);
            query.put("response_type", "code");
            query.put("scope", "openid");
            query.put("redirect_uri", CONSOLE_REDIRECT_URI);
            query.put("state", state);
            query.put("nonce", randomToken(16));
            query.put("code_challenge", s256(verifier));
            query.put("code_challenge_method", "S256");
            return URI.create(realmUrl + "/protocol/openid-connect/auth?" + formEncode(query));
        }

        private HttpResponse<String> exchange(HttpRequest.Builder request) {
            request.timeout(TIMEOUT);
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(c -> c.getKey() + "=" + c.getValue())
                                .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = send(request.build());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                remember(setCookie);
            }
            return response;
        }

        private void remember(String setCookie) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                return;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            boolean expired = setCookie.toLowerCase().contains("max-age=0") || value.isEmpty();
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static String loginFormAction(String html) {
        Matcher form = LOGIN_FORM.matcher(html);
        Matcher action = form.find() ? ACTION.matcher(form.group()) : null;
        if (action == null || !action.find()) {
            throw new LoginFailedException("Keycloak's page has no login form (kc-form-login)");
        }
        return unescapeHtml(action.group(1));
    }

    private static String feedback(String html) {
        Matcher message = FEEDBACK.matcher(html == null ? "" : html);
        return message.find() ? " (" + unescapeHtml(message.group(1)) + ")" : "";
    }

    private static String unescapeHtml(String text) {
        return text.replace("&amp;", "&")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LoginFailedException("Could not reach Keycloak at " + request.uri() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoginFailedException("Interrupted while calling Keycloak at " + request.uri());
        }
    }

    private static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery == null ? List.<String>of() : List.of(rawQuery.split("&"))) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
