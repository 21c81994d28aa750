package fr.maillage.meeting;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every meeting rule reads "now" from: one bean, so start times, quorum, due dates and the
 * automatic agenda agree, and tests can move it. Millisecond ticks, as MongoDB keeps them.
 */
@Configuration(proxyBeanMethods = false)
class MeetingConfiguration {

    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
