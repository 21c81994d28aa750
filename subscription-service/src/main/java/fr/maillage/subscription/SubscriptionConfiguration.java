package fr.maillage.subscription;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock every subscription rule reads "now" from: one bean, so back-off, retention, leases and
 * subscription health agree, and tests can move it. Millisecond ticks, as MongoDB keeps them. Scheduling
 * is on for the delivery dispatcher and the event log's retention sweep.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SubscriptionConfiguration {

    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
