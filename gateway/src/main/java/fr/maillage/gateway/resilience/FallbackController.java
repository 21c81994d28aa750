package fr.maillage.gateway.resilience;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

import fr.maillage.gateway.correlation.CorrelationId;
import fr.maillage.gateway.problem.ProblemResponses;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Target of the routes' {@code forward:/fallback/<service>} when a call failed: 503 when the
 * service is down or its breaker is open, 504 when it did not answer within the time limit (it
 * may have acted on the request, so the client must not assume nothing happened). Reached only
 * through a forward: the security chain denies {@code /fallback/**} from outside.
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private static final Set<String> SERVICES =
            Set.of("referral", "workshop", "meeting", "alert", "evaluation", "subscription");

    private final ProblemResponses problems;
    private final ResilienceProperties resilience;

    FallbackController(ProblemResponses problems, ResilienceProperties resilience) {
        this.problems = problems;
        this.resilience = resilience;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
        String name = (SERVICES.contains(service) ? service : "unknown") + "-service";
        Throwable cause = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        logFailure(exchange, name, cause);
        if (cause instanceof TimeoutException) {
            return problems.write(
                    exchange,
                    HttpStatus.GATEWAY_TIMEOUT,
                    "gateway-timeout",
                    name + " did not answer within "
                            + seconds(resilience.timeLimit().toMillis()) + ".");
        }
        exchange.getResponse()
                .getHeaders()
                .set(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, resilience.waitInOpenState().toSeconds())));
        String why = cause instanceof CallNotPermittedException
                ? " (its circuit breaker is open after repeated failures)"
                : " (it could not be reached)";
        return problems.write(
                exchange,
                HttpStatus.SERVICE_UNAVAILABLE,
                "service-unavailable",
                name + " is unavailable" + why + "; retry later.");
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static void logFailure(ServerWebExchange exchange, String name, Throwable cause) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationId.MDC_KEY, CorrelationId.of(exchange))) {
            log.warn(
                    "{} {} -> fallback for {}: {}",
                    exchange.getRequest().getMethod().name(),
                    ProblemResponses.instanceOf(exchange),
                    name,
                    cause != null ? cause.toString() : "no cause");
        }
    }
}
