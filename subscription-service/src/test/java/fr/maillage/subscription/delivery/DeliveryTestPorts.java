package fr.maillage.subscription.delivery;

import fr.maillage.subscription.events.EventLog;
import fr.maillage.subscription.subscription.SubscriptionDirectory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Our own ports implemented by other packages, replaced by in-memory fakes (Mongo, HTTP and time stay real). */
@TestConfiguration(proxyBeanMethods = false)
public class DeliveryTestPorts {

    @Bean
    @Primary
    SubscriptionDirectory fakeSubscriptionDirectory() {
        return FakeSubscriptionDirectory.INSTANCE;
    }

    @Bean
    @Primary
    EventLog fakeEventLog() {
        return FakeEventLog.INSTANCE;
    }
}
