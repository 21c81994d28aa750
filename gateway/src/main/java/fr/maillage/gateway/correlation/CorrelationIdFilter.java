package fr.maillage.gateway.correlation;

import io.micrometer.context.ContextRegistry;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * First filter of the chain, so that every answer, a 401 included, carries the id: accepts or
 * creates {@code X-Correlation-Id}, sends it downstream, echoes it, puts it in the Reactor
 * context (restored into the MDC on every thread hop) and writes one access-log line per answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter implements WebFilter {

    private static final Logger access = LoggerFactory.getLogger("maillage.gateway.access");

    static {
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(
                        CorrelationId.MDC_KEY,
                        () -> MDC.get(CorrelationId.MDC_KEY),
                        value -> MDC.put(CorrelationId.MDC_KEY, value),
                        () -> MDC.remove(CorrelationId.MDC_KEY));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id =
                CorrelationId.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
        exchange.getAttributes().put(CorrelationId.ATTRIBUTE, id);
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(headers -> headers.set(CorrelationId.HEADER, id))
                .build();
        ServerHttpResponse response = exchange.getResponse();
        long start = System.nanoTime();
        // at commit the final status is known, whoever wrote it (a service, a filter, the error handler)
        response.beforeCommit(() -> {
            response.getHeaders().set(CorrelationId.HEADER, id);
            logAccess(exchange, id, start);
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(request).build())
                .contextWrite(Context.of(CorrelationId.MDC_KEY, id));
    }

    // Time to the response headers. The path only, never the query string: it may hold personal data (a search by
    // name).
    private static void logAccess(ServerWebExchange exchange, String id, long start) {
        if (!access.isInfoEnabled()) {
            return;
        }
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationId.MDC_KEY, id)) {
            access.info(
                    "{} {} -> {} in {} ms",
                    exchange.getRequest().getMethod().name(),
                    exchange.getRequest().getPath().value(),
                    status != null ? status.value() : "-",
                    millis);
        }
    }
}
