package fr.maillage.alert.alert;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock the circuit reads "now" from: one bean, so time-to-target and escalation agree (and tests can move it). */
@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
