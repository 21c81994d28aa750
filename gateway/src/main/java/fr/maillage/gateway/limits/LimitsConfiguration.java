package fr.maillage.gateway.limits;

import fr.maillage.gateway.problem.ProblemResponses;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The limiter and key resolver used by the default RequestRateLimiter filter, and the size limit. */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean
    RateLimiter<LimitProperties> inMemoryRateLimiter(LimitProperties limits) {
        return new InMemoryRateLimiter(limits);
    }

    @Bean
    KeyResolver clientKeyResolver() {
        return new ClientKeyResolver();
    }

    @Bean
    RequestSizeLimitFilter requestSizeLimitFilter(ProblemResponses problems, LimitProperties limits) {
        return new RequestSizeLimitFilter(problems, limits);
    }
}
