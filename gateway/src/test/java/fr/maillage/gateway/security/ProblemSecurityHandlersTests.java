package fr.maillage.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;

class ProblemSecurityHandlersTests {

    @Test
    void challengeWithoutTokenErrorIsBareBearer() {
        assertThat(ProblemSecurityHandlers.challenge(null)).isEqualTo("Bearer");
    }

    @Test
    void challengeCarriesTheTokenErrorQuoted() {
        OAuth2Error error = new OAuth2Error("invalid_token", "Jwt expired \"now\"\r\nX-Injected: 1", null);

        assertThat(ProblemSecurityHandlers.challenge(error))
                .isEqualTo(
                        "Bearer error=\"invalid_token\", error_description=\"Jwt expired \\\"now\\\"  X-Injected: 1\"");
    }
}
