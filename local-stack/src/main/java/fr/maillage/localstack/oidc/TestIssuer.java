package fr.maillage.localstack.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import fr.maillage.localstack.net.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny OIDC issuer shaped like the Keycloak realm {@code maillage}: a JDK HTTP server on
 * 127.0.0.1 serving {@code /realms/maillage/.well-known/openid-configuration} and the JWKS of an
 * RSA key generated at start. Services point {@code
 * spring.security.oauth2.resourceserver.jwt.issuer-uri} at {@link #issuerUri()} exactly as in
 * production; {@link TestTokens} mints tokens it signs.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String REALM_PATH = "/realms/maillage";
    private static final String KEY_ID = "maillage-test-key";

    private static TestIssuer shared;

    private final HttpServer server;
    private final ExecutorService executor;
    private final RSAKey signingKey;
    private final String issuerUri;

    private TestIssuer(HttpServer server, ExecutorService executor, RSAKey signingKey) {
        this.server = server;
        this.executor = executor;
        this.signingKey = signingKey;
        this.issuerUri =
                "http://" + Ports.LOOPBACK_HOST + ":" + server.getAddress().getPort() + REALM_PATH;
    }

    /** Starts a new issuer with its own key on a free loopback port. */
    public static TestIssuer start() {
        RSAKey key = generateKey();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(Ports.loopback(), 0), 0);
            ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "test-issuer-http");
                thread.setDaemon(true); // never keeps a test JVM alive
                return thread;
            });
            server.setExecutor(executor);
            TestIssuer issuer = new TestIssuer(server, executor, key);
            server.createContext(REALM_PATH + "/.well-known/openid-configuration", json(issuer.discoveryDocument()));
            server.createContext(
                    REALM_PATH + "/protocol/openid-connect/certs",
                    json(new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8)));
            startAsDaemon(server);
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test OIDC issuer", e);
        }
    }

    // The dispatcher thread inherits the daemon flag of the thread calling start(): started from a
    // daemon thread, an issuer that nobody closes (shared()) never keeps a JVM alive.
    private static void startAsDaemon(HttpServer server) {
        Thread starter = new Thread(server::start, "test-issuer-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the test OIDC issuer", e);
        }
    }

    /**
     * The issuer shared by the whole JVM, started on first use: the one {@code @LocalInfrastructure}
     * configures and {@link TestTokens} signs with by default. It lives until the JVM exits.
     */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** {@code http://127.0.0.1:<port>/realms/maillage}: the {@code iss} of its tokens. */
    public String issuerUri() {
        return issuerUri;
    }

    public String jwkSetUri() {
        return issuerUri + "/protocol/openid-connect/certs";
    }

    /** The public half of the signing key (what the JWKS serves). */
    public RSAKey publicKey() {
        return signingKey.toPublicJWK();
    }

    /** Signs {@code claims} with this issuer's key (RS256, {@code kid} and {@code typ: JWT} like Keycloak). */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, signingKey);
    }

    /** Signs with a fresh key that is NOT in the JWKS but carries the same {@code kid}: a forged token. */
    String signWithAnotherKey(JWTClaimsSet claims) {
        return sign(claims, generateKey());
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(KEY_ID)
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a test token", e);
        }
        return jwt.serialize();
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(KEY_ID)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    // built once on the caller's thread, so a request only copies bytes
    private byte[] discoveryDocument() {
        String protocol = issuerUri + "/protocol/openid-connect";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", issuerUri);
        body.put("authorization_endpoint", protocol + "/auth");
        body.put("token_endpoint", protocol + "/token");
        body.put("userinfo_endpoint", protocol + "/userinfo");
        body.put("end_session_endpoint", protocol + "/logout");
        body.put("jwks_uri", jwkSetUri());
        body.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials"));
        body.put("response_types_supported", List.of("code"));
        body.put("subject_types_supported", List.of("public"));
        body.put("id_token_signing_alg_values_supported", List.of("RS256"));
        body.put("scopes_supported", List.of("openid", "profile", "email"));
        body.put("code_challenge_methods_supported", List.of("S256"));
        return JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
    }

    private static HttpHandler json(byte[] body) {
        return exchange -> {
            try (exchange) {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        };
    }

    /** Stops the server; a no-op on {@link #shared()}, which other test classes keep using. */
    @Override
    public void close() {
        synchronized (TestIssuer.class) {
            if (this == shared) {
                return;
            }
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
