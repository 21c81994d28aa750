package fr.maillage.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code application/problem+json} answers (RFC 9457) with {@code type}
 * {@code urn:maillage:problem:<slug>}, the same shape as the services' (platform-kit).
 */
@Component
public class ProblemResponses {

    public static final String TYPE_PREFIX = "urn:maillage:problem:";

    /** The client's request path, kept before a fallback forward rewrites the request. */
    static final String INSTANCE_ATTRIBUTE = ProblemResponses.class.getName() + ".instance";

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /** Writes a problem whose slug follows from the status (see {@link #slugOf}). */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        return write(exchange, status, slugOf(status), detail);
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String slug, String detail) {
        return write(exchange.getResponse(), status, slug, detail, instanceOf(exchange));
    }

    /** The path the client asked for (not {@code /fallback/...} after a forward). */
    public static String instanceOf(ServerWebExchange exchange) {
        String instance = exchange.getAttribute(INSTANCE_ATTRIBUTE);
        return instance != null ? instance : exchange.getRequest().getPath().value();
    }

    public Mono<Void> write(
            ServerHttpResponse response, HttpStatusCode status, String slug, String detail, String instance) {
        byte[] body = render(status, slug, detail, instance);
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(body.length);
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    byte[] render(HttpStatusCode status, String slug, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + slug);
        problem.put("title", titleOf(status));
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        return json.writeValueAsBytes(problem);
    }

    /** The slug the gateway uses for a status it produces itself. */
    public static String slugOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            case 502 -> "bad-gateway";
            case 503 -> "service-unavailable";
            case 504 -> "gateway-timeout";
            case 500 -> "internal-error";
            default -> "http-" + status.value();
        };
    }

    static String titleOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "HTTP " + status.value();
    }
}
