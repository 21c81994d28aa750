package fr.maillage.meeting;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock every meeting rule reads "now" from: one bean, so start times, quorum, due dates and the
 * automatic agenda agree, and tests can move it. Millisecond ticks, as MongoDB keeps them. Scheduling is on
 * for the watchers (decisions' actions retried, actions overdue).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MeetingConfiguration {

    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
