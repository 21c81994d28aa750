package fr.maillage.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import jakarta.validation.Validator;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events for a Maillage service: CloudEvents envelope, embedded outbox and its relay, the topic and
 * its {@code -dlt}, {@link IncomingEvent} listener parameters, error handling with dead letters, and
 * the processed-events store.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, DataMongoAutoConfiguration.class})
@ConditionalOnClass({KafkaTemplate.class, MongoTemplate.class})
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

    static final String DEAD_LETTER_SUFFIX = "-dlt";

    private static final Logger log = LoggerFactory.getLogger("fr.maillage.platform.events.DeadLetters");

    @Bean
    EventTracing maillageEventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventTracing(tracer.getIfUnique(), propagator.getIfUnique());
    }

    @Bean
    @ConditionalOnMissingBean
    CloudEventCodec cloudEventCodec(
            ObjectProvider<JsonMapper> mapper, ObjectProvider<Validator> validator, EventsProperties properties) {
        return new CloudEventCodec(
                mapper.getIfAvailable(() -> JsonMapper.builder().build()),
                validator.getIfUnique(),
                properties.getDataschemaPrefix());
    }

    @Bean
    @ConditionalOnMissingBean
    EventOutbox eventOutbox(ObjectProvider<JsonMapper> mapper, EventTracing tracing) {
        return new EventOutbox(mapper.getIfAvailable(() -> JsonMapper.builder().build()), tracing);
    }

    @Bean
    EventProducer maillageEventProducer(ProducerFactory<?, ?> applicationProducerFactory) {
        return new EventProducer(applicationProducerFactory.getConfigurationProperties());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "maillage.events", name = "topic")
    OutboxRelay outboxRelay(
            MongoTemplate mongo,
            EventProducer producer,
            CloudEventCodec codec,
            EventTracing tracing,
            EventsProperties properties,
            ObjectProvider<MeterRegistry> meters,
            Environment environment) {
        return new OutboxRelay(
                mongo,
                producer.template(),
                codec,
                tracing,
                properties.getTopic(),
                source(properties, environment),
                properties.getRelay(),
                meters.getIfUnique(() -> Metrics.globalRegistry),
                relayOwner());
    }

    @Bean
    OutboxSaveListener outboxSaveListener(ObjectProvider<OutboxRelay> relay) {
        return new OutboxSaveListener(relay);
    }

    @Bean
    @ConditionalOnProperty(prefix = "maillage.events", name = "topic")
    NewTopic maillageEventsTopic(EventsProperties properties) {
        // Kept forever: the topics are the platform's history, from which evaluation-service rebuilds
        // its indicators and subscription-service replays to partners (README, "Event retention").
        return TopicBuilder.name(properties.getTopic())
                .partitions(properties.getPartitions())
                .replicas(properties.getReplicas())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .build();
    }

    @Bean
    @ConditionalOnProperty(prefix = "maillage.events", name = "topic")
    NewTopic maillageEventsDeadLetterTopic(EventsProperties properties) {
        return TopicBuilder.name(properties.getTopic() + DEAD_LETTER_SUFFIX)
                .partitions(properties.getPartitions())
                .replicas(properties.getReplicas())
                .build();
    }

    /** Picked up by Boot's {@code kafkaListenerContainerFactory}. */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler maillageKafkaErrorHandler(EventProducer producer, EventsProperties properties) {
        // Partition -1: Kafka chooses, so a dead-letter topic needs no particular partition count.
        var deadLetters = new DeadLetterPublishingRecoverer(
                producer.template(),
                (record, exception) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, -1));
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, exception) -> {
            // Say so in the log (without the value, which may be large); the record itself goes on.
            log.warn(
                    "Sending {}-{}@{} (key {}) to {}{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    record.topic(),
                    DEAD_LETTER_SUFFIX,
                    reason(exception));
            deadLetters.accept(record, consumer, exception);
        };
        var settings = properties.getConsumer();
        var backOff = new ExponentialBackOffWithMaxRetries(Math.max(0, settings.getMaxAttempts() - 1));
        backOff.setInitialInterval(settings.getInitialInterval().toMillis());
        backOff.setMultiplier(settings.getMultiplier());
        backOff.setMaxInterval(settings.getMaxInterval().toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        // Retrying cannot repair a record that is not a CloudEvent or whose data is invalid.
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }

    @Bean
    KafkaListenerConfigurer incomingEventListenerConfigurer(CloudEventCodec codec) {
        return registrar -> {
            List<HandlerMethodArgumentResolver> resolvers =
                    new ArrayList<>(registrar.getCustomMethodArgumentResolvers());
            resolvers.add(new IncomingEventArgumentResolver(codec));
            registrar.setCustomMethodArgumentResolvers(resolvers.toArray(HandlerMethodArgumentResolver[]::new));
        };
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(MongoTemplate mongo, EventsProperties properties) {
        return new ProcessedEvents(
                mongo,
                properties.getProcessed().getCollection(),
                properties.getProcessed().getTtl());
    }

    /** The kit's own diagnosis when there is one, else the root cause. */
    private static String reason(Exception exception) {
        Throwable reason = exception;
        while (reason.getCause() != null && !(reason instanceof InvalidEventException)) {
            reason = reason.getCause();
        }
        return reason.getMessage();
    }

    /** {@code maillage.events.source}, else {@code /maillage/<application name without -service>}. */
    static String source(EventsProperties properties, Environment environment) {
        if (StringUtils.hasText(properties.getSource())) {
            return properties.getSource();
        }
        String application = environment.getProperty("spring.application.name", "application");
        return "/maillage/" + application.replaceFirst("-service$", "");
    }

    private static String relayOwner() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
