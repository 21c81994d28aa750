package fr.maillage.platform.web;

import fr.maillage.platform.security.CurrentUser;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Clock;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The HTTP conventions of DESIGN §4/§7 for a servlet service: RFC 9457 problems for every error,
 * request-size limit, {@code Idempotency-Key} on POST, bearer scheme in the OpenAPI document.
 */
@AutoConfiguration(
        before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class},
        after = DataMongoAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(MaillageWebProperties.class)
public class WebAutoConfiguration {

    /** Right after tracing and correlation (observability), before anything reads a body. */
    public static final int REQUEST_SIZE_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /** Also makes Boot's own problem-details handler back off (it is conditional on a missing one). */
    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** Problem extension members (e.g. {@code errors}) at the top level of the JSON, as RFC 9457 wants. */
    @Bean
    JsonMapperBuilderCustomizer problemDetailJsonMembers() {
        return builder -> builder.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(MaillageWebProperties properties) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(properties.getMaxRequestSize().toBytes()));
        registration.setOrder(REQUEST_SIZE_LIMIT_ORDER);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(MongoOperations.class)
    @ConditionalOnProperty(name = "maillage.web.idempotency.enabled", matchIfMissing = true)
    static class Idempotency {

        @Bean
        @ConditionalOnMissingBean
        IdempotencyStore idempotencyStore(MongoOperations mongo, MaillageWebProperties properties) {
            return new IdempotencyStore(
                    mongo,
                    properties.getIdempotency().getTtl(),
                    properties.getIdempotency().getInProgressTimeout(),
                    Clock.systemUTC());
        }

        /** After Spring Security's chain, so the caller is known and 401/403 answers are never kept. */
        @Bean
        FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
                IdempotencyStore store, @Value("${spring.security.filter.order:-100}") int securityOrder) {
            FilterRegistrationBean<IdempotencyFilter> registration =
                    new FilterRegistrationBean<>(new IdempotencyFilter(store));
            registration.setOrder(securityOrder + 10);
            return registration;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenApiCustomizer.class)
    static class OpenApi {

        static final String BEARER = "bearer-jwt";

        static {
            // The CurrentUser parameter comes from the token, not from the request: keep it out of the document.
            SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
        }

        /** Declares the Keycloak bearer token and requires it on every operation of the document. */
        @Bean
        OpenApiCustomizer bearerSecurityScheme() {
            return openApi -> {
                if (openApi.getComponents() == null) {
                    openApi.setComponents(new Components());
                }
                openApi.getComponents()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description(
                                                "Keycloak access token of the maillage realm (audience maillage-api)"));
                if (openApi.getSecurity() == null || openApi.getSecurity().isEmpty()) {
                    openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
                }
            };
        }
    }
}
