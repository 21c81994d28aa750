package fr.maillage.subscription.subscription;

import fr.maillage.subscription.outbound.DeliveryOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// PLACEHOLDER (issue 8 merge): the subscriptions helper implements SubscriptionDirectory; delete this class.
@Configuration(proxyBeanMethods = false)
class SubscriptionPlaceholderConfiguration {

    // PLACEHOLDER (issue 8 merge)
    @Bean
    SubscriptionDirectory placeholderSubscriptionDirectory() {
        AtomicLong numbers = new AtomicLong();
        return new SubscriptionDirectory() {
            @Override
            public List<Target> matching(String type, Set<String> audience) {
                return List.of();
            }

            @Override
            public Optional<Target> target(String subscriptionId) {
                return Optional.empty();
            }

            @Override
            public long nextEventNumber(String subscriptionId) {
                return numbers.incrementAndGet();
            }

            @Override
            public void recordOutcome(String subscriptionId, DeliveryOutcome outcome, String error, Instant at) {}
        };
    }
}
