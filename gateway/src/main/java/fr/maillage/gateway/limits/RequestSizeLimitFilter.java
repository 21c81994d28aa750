package fr.maillage.gateway.limits;

import fr.maillage.gateway.problem.ProblemResponses;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 413 for a body above {@code maillage.gateway.limits.max-request-size}: from Content-Length when
 * there is one; a chunked body is read up to the limit first (the gateway buffers bodies anyway
 * for retries and fallbacks), so an oversized one never reaches a service. Runs after the
 * security chain (-100): an anonymous caller gets its 401 without a byte of body being read.
 */
@Order(-50)
class RequestSizeLimitFilter implements WebFilter {

    private final ProblemResponses problems;
    private final long maxBytes;

    RequestSizeLimitFilter(ProblemResponses problems, LimitProperties limits) {
        this.problems = problems;
        this.maxBytes = limits.maxRequestSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return tooLarge(exchange);
        }
        if (declared >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), (int) maxBytes)
                .switchIfEmpty(Mono.fromSupplier(
                        () -> exchange.getResponse().bufferFactory().wrap(new byte[0])))
                .map(body -> withBody(request, body))
                .onErrorResume(
                        DataBufferLimitException.class, e -> tooLarge(exchange).then(Mono.empty()))
                .flatMap(buffered ->
                        chain.filter(exchange.mutate().request(buffered).build()));
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, DataBuffer body) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(request.getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(body.readableByteCount());
        return new ServerHttpRequestDecorator(request) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.just(body);
            }
        };
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return problems.write(
                exchange, HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBytes + " bytes.");
    }
}
