package fr.maillage.gateway.limits;

import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Rate-limit key {@code <azp>|<sub>}: the client application and the user (for a partner's
 * client-credentials token, its service account). Without a JWT (only the public event catalogue is
 * reachable so), {@code anonymous|<remote address>}.
 */
class ClientKeyResolver implements KeyResolver {

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .ofType(JwtAuthenticationToken.class)
                .mapNotNull(token -> keyOf(
                        token.getToken().getClaimAsString("azp"),
                        token.getToken().getSubject()))
                .switchIfEmpty(Mono.fromSupplier(
                        () -> anonymousKeyOf(exchange.getRequest().getRemoteAddress())));
    }

    static String anonymousKeyOf(InetSocketAddress remote) {
        return "anonymous|"
                + (remote == null || remote.getAddress() == null
                        ? "-"
                        : remote.getAddress().getHostAddress());
    }

    static String keyOf(String azp, String sub) {
        if (azp == null && sub == null) {
            return null;
        }
        return (azp != null ? azp : "-") + "|" + (sub != null ? sub : "-");
    }
}
