package fr.maillage.subscription.events;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// PLACEHOLDER (issue 8 merge): the feed helper implements EventLog; delete this class.
@Configuration(proxyBeanMethods = false)
class EventLogPlaceholderConfiguration {

    // PLACEHOLDER (issue 8 merge)
    @Bean
    EventLog placeholderEventLog() {
        return (from, after, limit) -> List.of();
    }
}
