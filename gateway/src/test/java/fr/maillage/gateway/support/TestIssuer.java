package fr.maillage.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tiny OIDC issuer on 127.0.0.1 (JDK HttpServer): discovery document and JWKS of an RSA key at
 * Keycloak's paths, and a builder of RS256 access tokens shaped like Keycloak's.
 */
public final class TestIssuer implements AutoCloseable {

    private static final String REALM_PATH = "/realms/maillage";

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey otherKey;
    private final String issuer;

    private TestIssuer(HttpServer server, RSAKey key, RSAKey otherKey) {
        this.server = server;
        this.key = key;
        this.otherKey = otherKey;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
    }

    public static TestIssuer start() {
        try {
            RSAKey key = rsaKey();
            // same kid: a token signed with it is found a key but fails the signature check
            RSAKey otherKey = rsaKey();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestIssuer issuer = new TestIssuer(server, key, otherKey);
            server.createContext(REALM_PATH + "/.well-known/openid-configuration", issuer::discovery);
            server.createContext(REALM_PATH + "/protocol/openid-connect/certs", issuer::jwks);
            server.start();
            return issuer;
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException("test issuer did not start", e);
        }
    }

    private static RSAKey rsaKey() throws JOSEException {
        return new RSAKeyGenerator(2048)
                .keyID("test-key")
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .generate();
    }

    public String issuerUri() {
        return issuer;
    }

    /** A token for a user of client {@code maillage-console}, valid for 5 minutes. */
    public Token user(String username) {
        return new Token(username);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String json = """
                {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",\
                "authorization_endpoint":"%1$s/protocol/openid-connect/auth",\
                "token_endpoint":"%1$s/protocol/openid-connect/token",\
                "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer);
        reply(exchange, json);
    }

    private void jwks(HttpExchange exchange) throws IOException {
        reply(exchange, new JWKSet(key.toPublicJWK()).toString());
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Fluent token builder; {@link #token()} signs it. */
    public final class Token {

        private String subject = UUID.randomUUID().toString();
        private final String username;
        private String clientId = "maillage-console";
        private String audience = "maillage-api";
        private List<String> roles = List.of("coordinator");
        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(5));
        private boolean anotherKey;

        private Token(String username) {
            this.username = username;
        }

        public Token subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Token clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Token audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Token roles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        public Token expired() {
            this.expiresAt = Instant.now().minus(Duration.ofMinutes(10));
            return this;
        }

        public Token signedByAnotherKey() {
            this.anotherKey = true;
            return this;
        }

        public String token() {
            Instant issuedAt = expiresAt.minus(Duration.ofMinutes(5));
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(subject)
                    .audience(audience)
                    .claim("azp", clientId)
                    .claim("typ", "Bearer")
                    .claim("preferred_username", username)
                    .claim("realm_access", Map.of("roles", roles))
                    .issueTime(Date.from(issuedAt))
                    .expirationTime(Date.from(expiresAt))
                    .jwtID(UUID.randomUUID().toString())
                    .build();
            RSAKey signingKey = anotherKey ? otherKey : key;
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(signingKey.getKeyID())
                            .build(),
                    claims);
            try {
                jwt.sign(new RSASSASigner(signingKey));
            } catch (JOSEException e) {
                throw new UncheckedIOException(new IOException(e));
            }
            return jwt.serialize();
        }
    }
}
