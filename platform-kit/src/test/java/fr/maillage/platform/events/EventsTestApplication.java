package fr.maillage.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A tiny service for the integration tests: an aggregate that publishes events ({@link Parcel}),
 * its repository, a listener, and a relay whose removal step can be made to fail once.
 */
@SpringBootApplication
class EventsTestApplication {

    /** Replaces the kit's relay (the kit backs off) with one that can simulate a crash. */
    @Bean
    CrashableRelay outboxRelay(
            MongoTemplate mongo,
            EventProducer producer,
            CloudEventCodec codec,
            EventTracing tracing,
            EventsProperties properties,
            ObjectProvider<MeterRegistry> meters,
            Environment environment) {
        return new CrashableRelay(
                mongo,
                producer,
                codec,
                tracing,
                properties,
                meters.getIfUnique(SimpleMeterRegistry::new),
                EventsAutoConfiguration.source(properties, environment),
                "test-relay-1");
    }

    /** A relay whose removal step fails once for chosen documents, as if the process died there. */
    static class CrashableRelay extends OutboxRelay {

        private final Set<Object> failRemovalOnce = ConcurrentHashMap.newKeySet();

        CrashableRelay(
                MongoTemplate mongo,
                EventProducer producer,
                CloudEventCodec codec,
                EventTracing tracing,
                EventsProperties properties,
                MeterRegistry meters,
                String source,
                String owner) {
            super(
                    mongo,
                    producer.template(),
                    codec,
                    tracing,
                    properties.getTopic(),
                    source,
                    properties.getRelay(),
                    meters,
                    owner);
        }

        void failNextRemovalOf(Object documentId) {
            failRemovalOnce.add(documentId);
        }

        @Override
        void removePublished(
                com.mongodb.client.MongoCollection<org.bson.Document> collection,
                Object id,
                OutboxFields fields,
                java.util.List<String> eventIds) {
            if (failRemovalOnce.remove(id)) {
                throw new IllegalStateException("simulated crash between publish and removal");
            }
            super.removePublished(collection, id, fields, eventIds);
        }
    }
}
