package fr.maillage.subscription.delivery;

import fr.maillage.subscription.outbound.WebhookSender;
import fr.maillage.subscription.subscription.SubscriptionDirectory;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds the delivery settings; builds the back-off and the dispatcher (polled by {@link DeliveryScheduler}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeliveryProperties.class)
class DeliveryConfiguration {

    @Bean
    BackoffSchedule backoffSchedule(DeliveryProperties properties) {
        return new BackoffSchedule(
                properties.backoff(),
                properties.jitter(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Bean(destroyMethod = "close")
    DeliveryDispatcher deliveryDispatcher(
            DeliveryStore store,
            SubscriptionDirectory directory,
            WebhookSender sender,
            BackoffSchedule schedule,
            Clock clock,
            DeliveryProperties properties) {
        return new DeliveryDispatcher(
                store,
                directory,
                sender,
                schedule,
                clock,
                Clock.systemUTC(),
                new DeliveryDispatcher.Settings(
                        properties.workers(), properties.batch(), properties.lease(), properties.maxRetryAfter()));
    }
}
