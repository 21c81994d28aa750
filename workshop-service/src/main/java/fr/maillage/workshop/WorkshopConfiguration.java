package fr.maillage.workshop;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every workshop rule reads "now" from: one bean, so session starts, attendance and the
 * group's lifecycle agree, and tests can move it. Millisecond ticks: MongoDB keeps milliseconds, so
 * stored and published instants are equal.
 */
@Configuration(proxyBeanMethods = false)
class WorkshopConfiguration {

    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
