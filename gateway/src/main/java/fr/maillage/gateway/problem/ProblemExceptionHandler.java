package fr.maillage.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns every exception that reaches the top of the chain (no route -> 404, a response timeout
 * -> 504, the issuer unreachable while checking a token -> 503, anything unexpected -> 500) into
 * a problem. Runs before Boot's error handler (-1),
 * which would answer its own JSON shape.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemResponses problems;

    ProblemExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().value();
        if (error instanceof AuthenticationServiceException) {
            // Spring Security's word for "could not check the token" (issuer or JWKS unreachable)
            log.warn("{} {}: token could not be checked: {}", method, path, error.toString());
            return problems.write(
                    exchange,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "The identity provider could not be reached to check the token; retry later.");
        }
        if (error instanceof ErrorResponse response) {
            HttpStatusCode status = response.getStatusCode();
            if (status.is5xxServerError()) {
                log.warn("{} {} failed with {}: {}", method, path, status.value(), error.toString());
            }
            return problems.write(exchange, status, detail(status, method, path));
        }
        log.error("Unexpected error on {} {}", method, path, error);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "The gateway could not handle the request.");
    }

    private static String detail(HttpStatusCode status, String method, String path) {
        return switch (status.value()) {
            case 404 -> "No route for " + method + " " + path + ".";
            case 405 -> "Method " + method + " is not allowed on " + path + ".";
            case 504 -> "The service did not answer in time.";
            default -> ProblemResponses.titleOf(status) + ".";
        };
    }
}
