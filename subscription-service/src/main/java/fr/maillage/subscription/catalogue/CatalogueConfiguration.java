package fr.maillage.subscription.catalogue;

import fr.maillage.platform.asyncapi.EventCatalogue;
import fr.maillage.platform.asyncapi.EventSchemaResources;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the producers' schemas copied into {@code catalogue/schemas/} at build time (see the module's
 * pom) and builds the catalogue once (platform-kit's builder, the one each producer's own AsyncAPI
 * document uses too). No schema, or a schema without its type in {@code $id}, stops the service: a
 * catalogue missing types would mislead partners.
 */
@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {

    static final String SCHEMAS = "classpath*:catalogue/schemas/*.json";

    @Bean
    EventCatalogue eventCatalogue() throws IOException {
        List<EventCatalogue.EventSchema> schemas = EventSchemaResources.load(SCHEMAS);
        if (schemas.isEmpty()) {
            throw new IllegalStateException("No event schema under " + SCHEMAS + ": the build copies them there");
        }
        return new EventCatalogue(schemas);
    }
}
