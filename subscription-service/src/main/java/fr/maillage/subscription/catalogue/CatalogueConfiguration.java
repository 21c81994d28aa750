package fr.maillage.subscription.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the producers' schemas copied into {@code catalogue/schemas/} at build time (see the module's
 * pom) and builds the catalogue once. No schema, or a schema without its type in {@code $id}, stops the
 * service: a catalogue missing types would mislead partners.
 */
@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {

    static final String SCHEMAS = "classpath*:catalogue/schemas/*.json";

    @Bean
    EventCatalogue eventCatalogue() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<EventCatalogue.EventSchema> schemas = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(SCHEMAS)) {
            try (InputStream in = resource.getInputStream()) {
                schemas.add(EventCatalogue.EventSchema.of(json.readTree(in)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(resource.getFilename() + ": " + e.getMessage(), e);
            } catch (UncheckedIOException e) {
                throw new IllegalStateException(resource.getFilename() + " is not JSON", e);
            }
        }
        if (schemas.isEmpty()) {
            throw new IllegalStateException("No event schema under " + SCHEMAS + ": the build copies them there");
        }
        return new EventCatalogue(schemas);
    }
}
