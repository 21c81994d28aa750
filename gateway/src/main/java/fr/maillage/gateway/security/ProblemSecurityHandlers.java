package fr.maillage.gateway.security;

import fr.maillage.gateway.problem.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * 401 and 403 as problems. The 401 keeps the RFC 6750 {@code WWW-Authenticate} challenge, with
 * the token error when there was a token, as Spring's own bearer entry point does.
 */
final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {}

    static ServerAuthenticationEntryPoint unauthorized(ProblemResponses problems) {
        return (exchange, failure) -> {
            OAuth2Error error = failure instanceof OAuth2AuthenticationException oauth ? oauth.getError() : null;
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge(error));
            String detail = error == null
                    ? "A bearer token is required."
                    : "The bearer token is invalid, expired or not meant for this platform.";
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail);
        };
    }

    static ServerAccessDeniedHandler forbidden(ProblemResponses problems) {
        return (exchange, denied) -> problems.write(
                exchange, HttpStatus.FORBIDDEN, "The token does not grant access to " + path(exchange) + ".");
    }

    static String challenge(OAuth2Error error) {
        if (error == null) {
            return "Bearer";
        }
        StringBuilder challenge = new StringBuilder("Bearer error=\"")
                .append(quoted(error.getErrorCode()))
                .append('"');
        if (error.getDescription() != null) {
            challenge
                    .append(", error_description=\"")
                    .append(quoted(error.getDescription()))
                    .append('"');
        }
        return challenge.toString();
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n]", " ");
    }

    private static String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value();
    }
}
