package fr.maillage.evaluation;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock every evaluation rule reads "now" from: one bean, so periods, statuses, due questionnaires
 * and reports agree, and tests can move it. Millisecond ticks, as MongoDB keeps them. Scheduling is on
 * for the watchers (follow-up questionnaires due, closed periods reviewed).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EvaluationConfiguration {

    static {
        // the report's charts are drawn without a display, also when tests start the context
        System.setProperty("java.awt.headless", "true");
    }

    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
