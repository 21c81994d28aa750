package fr.maillage.gateway.problem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives a problem body to error answers that gateway filters complete without one (the
 * RequestRateLimiter's 429 and its 403 for a token without client, for instance). Responses
 * proxied from a service are written, never merely completed, so they pass through untouched.
 * Also records the client's path as the problems' {@code instance}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodilessErrorProblemFilter implements WebFilter {

    private final ProblemResponses problems;

    BodilessErrorProblemFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String instance = exchange.getRequest().getPath().value();
        exchange.getAttributes().put(ProblemResponses.INSTANCE_ATTRIBUTE, instance);
        ServerHttpResponse decorated = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                HttpStatusCode status = getStatusCode();
                if (status != null
                        && status.isError()
                        && !isCommitted()
                        && getHeaders().getContentType() == null) {
                    return problems.write(
                            getDelegate(), status, ProblemResponses.slugOf(status), detail(status), instance);
                }
                return super.setComplete();
            }

            private String detail(HttpStatusCode status) {
                if (status.value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                    String retryAfter = getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
                    return "Too many requests from this client; retry after " + (retryAfter != null ? retryAfter : "1")
                            + " s.";
                }
                if (status.value() == HttpStatus.FORBIDDEN.value()) {
                    return "The token does not identify a client.";
                }
                return ProblemResponses.titleOf(status) + ".";
            }
        };
        return chain.filter(exchange.mutate().response(decorated).build());
    }
}
