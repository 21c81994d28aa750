package fr.maillage.subscription.outbound;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SSRF policy and the pinned webhook sender, bounded by {@code maillage.subscription.delivery.timeout}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboundProperties.class)
class OutboundConfiguration {

    @Bean
    CallbackAddressPolicy callbackPolicy(OutboundProperties properties) {
        return new CallbackAddressPolicy(HostResolver.system(), properties.allowLoopback());
    }

    @Bean(destroyMethod = "close")
    WebhookClient webhookSender(
            CallbackAddressPolicy policy,
            OutboundProperties properties,
            @Value("${maillage.subscription.delivery.timeout:PT15S}") Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("maillage.subscription.delivery.timeout must be positive");
        }
        return new WebhookClient(policy, timeout, properties.maxResponseBytes());
    }
}
