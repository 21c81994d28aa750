package fr.maillage.localstack.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Mints RS256 access tokens shaped like those of the Keycloak realm {@code maillage}, signed by a
 * {@link TestIssuer} ({@link TestIssuer#shared()} unless told otherwise):
 *
 * <pre>{@code
 * String token = TestTokens.user("coord-bievre").roles("coordinator").institution("cpts-bievre")
 *         .territories("bievre").profession("coordinator").token();
 * String same = TestTokens.demo("coord-bievre").token();
 * String stale = TestTokens.demo("dr-martin").expired().token();
 * }</pre>
 */
public final class TestTokens {

    private TestTokens() {}

    /** A user token with {@code preferred_username} = {@code username} and nothing else yet. */
    public static Builder user(String username) {
        return new Builder(username);
    }

    /**
     * The token of a demo user or partner client of DESIGN §6 (see {@link DemoUsers}), ready to
     * {@link Builder#token()} or to adjust further.
     */
    public static Builder demo(String name) {
        DemoUsers.DemoAccount account = DemoUsers.account(name);
        Builder builder = account.serviceAccount() ? client(name) : user(name);
        builder.subject(account.subject())
                .roles(account.roles().toArray(String[]::new))
                .institution(account.institution())
                .territories(account.territories().toArray(String[]::new));
        if (account.profession() != null) {
            builder.profession(account.profession());
        }
        return builder;
    }

    /**
     * A client-credentials token of a confidential client: {@code azp} = {@code client_id} = {@code
     * clientId}, {@code preferred_username} = {@code service-account-<clientId>}.
     */
    public static Builder client(String clientId) {
        Builder builder = new Builder("service-account-" + clientId);
        builder.authorizedParty = clientId;
        builder.serviceAccount = true;
        return builder;
    }

    /** Fluent description of one access token; {@link #token()} signs it. */
    public static final class Builder {

        private final String username;
        private String subject;
        private String authorizedParty = DemoUsers.CONSOLE_CLIENT;
        private boolean serviceAccount;
        private List<String> audiences = List.of(DemoUsers.AUDIENCE);
        private List<String> roles = List.of();
        private String institution;
        private List<String> territories;
        private String profession;
        private Duration lifetime = Duration.ofMinutes(5);
        private boolean expired;
        private boolean anotherKey;
        private TestIssuer issuer;
        private String issuerOverride;
        private final Map<String, Object> extraClaims = new LinkedHashMap<>();

        private Builder(String username) {
            this.username = Objects.requireNonNull(username, "username");
            // stable per username, so two tokens of one user name the same subject
            this.subject = UUID.nameUUIDFromBytes(("maillage-test-user:" + username).getBytes(StandardCharsets.UTF_8))
                    .toString();
        }

        public Builder subject(UUID subject) {
            this.subject = subject.toString();
            return this;
        }

        public Builder subject(String subject) {
            this.subject = Objects.requireNonNull(subject, "subject");
            return this;
        }

        /** Realm roles ({@code realm_access.roles}), replacing any set before. */
        public Builder roles(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        public Builder institution(String institution) {
            this.institution = institution;
            return this;
        }

        /** The multi-valued {@code territories} claim (a JSON array, even with one value). */
        public Builder territories(String... territories) {
            this.territories = List.of(territories);
            return this;
        }

        public Builder profession(String profession) {
            this.profession = profession;
            return this;
        }

        /** Replaces the audience ({@code maillage-api} by default). */
        public Builder audience(String... audiences) {
            this.audiences = List.of(audiences);
            return this;
        }

        /** The {@code azp} claim ({@code maillage-console} for users by default). */
        public Builder authorizedParty(String clientId) {
            this.authorizedParty = clientId;
            return this;
        }

        /** Lifetime from now (5 minutes by default, like the realm). */
        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        /** Expired well beyond the 60 s clock skew Spring Security tolerates. */
        public Builder expired() {
            this.expired = true;
            return this;
        }

        /** Signed by a key the issuer does not publish (same {@code kid}): the signature check fails. */
        public Builder signedByAnotherKey() {
            this.anotherKey = true;
            return this;
        }

        /** Signs with {@code issuer} instead of {@link TestIssuer#shared()}. */
        public Builder issuer(TestIssuer issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Puts another {@code iss} in the token (still signed by the issuer's key). */
        public Builder issuerClaim(String iss) {
            this.issuerOverride = iss;
            return this;
        }

        /** Any other claim (overrides the defaults above when names collide). */
        public Builder claim(String name, Object value) {
            extraClaims.put(name, value);
            return this;
        }

        /** The claims as they will be signed. */
        public JWTClaimsSet claims() {
            TestIssuer signer = signer();
            Instant now = Instant.now();
            Instant issuedAt = expired ? now.minus(Duration.ofMinutes(10)) : now;
            Instant expiresAt = expired ? now.minus(Duration.ofMinutes(5)) : now.plus(lifetime);
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .jwtID(UUID.randomUUID().toString())
                    .issuer(issuerOverride != null ? issuerOverride : signer.issuerUri())
                    .subject(subject)
                    .audience(audiences)
                    .issueTime(Date.from(issuedAt))
                    .expirationTime(Date.from(expiresAt))
                    .claim("typ", "Bearer")
                    .claim("azp", authorizedParty)
                    .claim("scope", "profile email")
                    .claim("preferred_username", username)
                    .claim("realm_access", Map.of("roles", new ArrayList<>(roles)));
            if (serviceAccount) {
                claims.claim("client_id", authorizedParty);
            }
            if (institution != null) {
                claims.claim("institution", institution);
            }
            if (territories != null) {
                claims.claim("territories", new ArrayList<>(territories));
            }
            if (profession != null) {
                claims.claim("profession", profession);
            }
            extraClaims.forEach(claims::claim);
            return claims.build();
        }

        /** The signed compact JWT. */
        public String token() {
            JWTClaimsSet claims = claims();
            return anotherKey ? signer().signWithAnotherKey(claims) : signer().sign(claims);
        }

        /** {@code "Bearer " + token()}, for an {@code Authorization} header. */
        public String bearer() {
            return "Bearer " + token();
        }

        private TestIssuer signer() {
            return issuer != null ? issuer : TestIssuer.shared();
        }
    }
}
