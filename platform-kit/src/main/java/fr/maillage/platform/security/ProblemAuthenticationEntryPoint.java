package fr.maillage.platform.security;

import fr.maillage.platform.web.ProblemResponses;
import fr.maillage.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as {@code application/problem+json}. The bearer entry point runs first so the RFC 6750
 * {@code WWW-Authenticate} header stays as clients expect it.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        bearer.commence(request, response, exception);
        // The token parser's own message names library internals: say what the client can act on.
        String detail = exception instanceof OAuth2AuthenticationException
                ? "The bearer token is invalid, expired, or not issued for this API."
                : "This resource needs a bearer access token (Authorization: Bearer <token>).";
        ProblemDetail problem = Problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
        ProblemResponses.write(request, response, problem);
    }
}
