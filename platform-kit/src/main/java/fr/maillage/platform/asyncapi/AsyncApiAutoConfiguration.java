package fr.maillage.platform.asyncapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.springwolf.core.asyncapi.AsyncApiCustomizer;
import io.github.springwolf.core.configuration.SpringwolfAutoConfiguration;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A producing service's own AsyncAPI document (Springwolf, {@code GET /springwolf/docs}), active when
 * the service declares springwolf-core. The document comes from the service's {@code events/*.json},
 * the same schemas as the partner catalogue, never from Java types.
 */
@AutoConfiguration(before = SpringwolfAutoConfiguration.class)
@ConditionalOnClass(AsyncApiCustomizer.class)
@ConditionalOnBooleanProperty(name = "springwolf.enabled", matchIfMissing = true)
public class AsyncApiAutoConfiguration {

    /** The service's own event schemas (DESIGN §5). */
    public static final String SCHEMAS = "classpath*:events/*.json";

    /** Stops the start-up when the schemas are missing or do not match the topic the service publishes to. */
    @Bean
    ServiceEventsCustomizer serviceEventsCustomizer(Environment environment) throws IOException {
        List<EventCatalogue.EventSchema> schemas = EventSchemaResources.load(SCHEMAS);
        if (schemas.isEmpty()) {
            throw new IllegalStateException("Springwolf is on the classpath but there is no event schema under "
                    + SCHEMAS + ": a service that publishes no event does not declare springwolf-core");
        }
        ServiceEventsCustomizer customizer = new ServiceEventsCustomizer(schemas);
        String topic = environment.getProperty("maillage.events.topic");
        if (topic != null && !topic.equals(customizer.topic())) {
            throw new IllegalStateException("The schemas under " + SCHEMAS + " describe " + customizer.topic()
                    + " but the service publishes to maillage.events.topic=" + topic);
        }
        return customizer;
    }

    /**
     * Springwolf 1.12 (built for Boot 3) needs a Jackson 2 mapper bean; Boot 4 configures only Jackson 3,
     * which the services' HTTP APIs keep using (this one is not primary and feeds no message converter).
     */
    @Bean
    @ConditionalOnMissingBean
    ObjectMapper springwolfObjectMapper() {
        return new ObjectMapper();
    }
}
