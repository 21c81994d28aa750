package fr.maillage.subscription.delivery;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Polls the {@link DeliveryDispatcher} every {@code maillage.subscription.delivery.poll-interval}, on every instance. */
@Component
class DeliveryScheduler implements SchedulingConfigurer {

    private final DeliveryDispatcher dispatcher;
    private final DeliveryProperties properties;

    DeliveryScheduler(DeliveryDispatcher dispatcher, DeliveryProperties properties) {
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                new FixedDelayTask(dispatcher::poll, properties.pollInterval(), properties.pollInterval()));
    }
}
