package fr.maillage.gateway.security;

import fr.maillage.gateway.problem.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The edge's wall (each service checks the token again): a valid JWT from the realm's issuer
 * with audience {@code maillage-api} (Boot's decoder from
 * {@code spring.security.oauth2.resourceserver.jwt.*}) for everything but the health probes.
 * {@code /actuator/prometheus} needs the {@code admin} realm role: the gateway's port is public,
 * so its metrics are not. The other actuator endpoints are not reachable. The
 * {@code Authorization} header is passed on to the services unchanged.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class EdgeSecurityConfiguration {

    @Bean
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, ProblemResponses problems) {
        JwtAuthenticationConverter jwtAuthentication = new JwtAuthenticationConverter();
        jwtAuthentication.setJwtGrantedAuthoritiesConverter(new RealmRoles());
        var unauthorized = ProblemSecurityHandlers.unauthorized(problems);
        var forbidden = ProblemSecurityHandlers.forbidden(problems);
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // the public catalogue of partner events, and each producer's own AsyncAPI document
                        // (/api/events/catalogue/<service>): read before any credentials are given
                        .pathMatchers(HttpMethod.GET, "/api/events/catalogue", "/api/events/catalogue/*")
                        .permitAll()
                        .pathMatchers("/actuator/prometheus")
                        .hasRole("admin")
                        .pathMatchers("/actuator/**", "/fallback/**")
                        .denyAll()
                        .anyExchange()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(jwtAuthentication)))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .build();
    }
}
