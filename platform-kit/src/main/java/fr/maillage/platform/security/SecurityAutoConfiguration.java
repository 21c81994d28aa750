package fr.maillage.platform.security;

import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is a stateless OAuth2 resource server for Keycloak tokens. Issuer and audience come
 * from the standard {@code spring.security.oauth2.resourceserver.jwt.*} properties (Boot builds the
 * {@code JwtDecoder}); this adds the realm-role mapping, the open paths, problem+json 401/403,
 * method security and the {@link CurrentUser} controller parameter.
 */
@AutoConfiguration(
        before = {
            ServletWebSecurityAutoConfiguration.class,
            ManagementWebSecurityAutoConfiguration.class,
            OAuth2ResourceServerAutoConfiguration.class
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityAutoConfiguration {

    /** Reachable without a token: probes, metrics scraping and the OpenAPI document. */
    public static final List<String> OPEN_PATHS = List.of(
            "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**");

    /**
     * Read without a token when the service declares Springwolf: its own AsyncAPI document, which
     * describes event types with made-up examples, never data.
     */
    public static final List<String> ASYNCAPI_PATHS =
            List.of("/springwolf/docs", "/springwolf/docs.json", "/springwolf/docs.yaml");

    static final String SPRINGWOLF = "io.github.springwolf.core.asyncapi.AsyncApiCustomizer";

    static final Duration ISSUER_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration ISSUER_READ_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    @ConditionalOnMissingBean
    KeycloakJwtAuthenticationConverter keycloakJwtAuthenticationConverter() {
        return new KeycloakJwtAuthenticationConverter();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain maillageSecurityFilterChain(
            HttpSecurity http, KeycloakJwtAuthenticationConverter converter, Environment environment) throws Exception {
        // a service may open more GET paths (e.g. subscription-service's public event catalogue)
        List<String> publicPaths = new ArrayList<>(Binder.get(environment)
                .bind("maillage.security.public-paths", Bindable.listOf(String.class))
                .orElse(List.of()));
        if (ClassUtils.isPresent(SPRINGWOLF, SecurityAutoConfiguration.class.getClassLoader())) {
            publicPaths.addAll(ASYNCAPI_PATHS);
        }
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
        ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler();
        http.authorizeHttpRequests(authorize -> authorize
                        // Error dispatches render an error already decided for this request.
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(OPEN_PATHS.toArray(String[]::new))
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, publicPaths.toArray(String[]::new))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                // Bearer tokens only: no session, no cookie, hence no CSRF exposure.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * Nimbus' default timeouts (500 ms) turn a slow first answer of Keycloak's discovery or JWKS
     * document into a failed request; allow a few seconds.
     */
    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer issuerTimeouts() {
        SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(ISSUER_CONNECT_TIMEOUT);
        requestFactory.setReadTimeout(ISSUER_READ_TIMEOUT);
        RestTemplate rest = new RestTemplate(requestFactory);
        return builder -> builder.restOperations(rest);
    }

    @Bean
    WebMvcConfigurer currentUserParameter() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }

    /** {@code @PreAuthorize} on service methods, unless the service enabled method security itself. */
    @Configuration(proxyBeanMethods = false)
    @EnableMethodSecurity
    @ConditionalOnMissingBean(name = "preAuthorizeAuthorizationMethodInterceptor")
    static class MethodSecurity {}
}
