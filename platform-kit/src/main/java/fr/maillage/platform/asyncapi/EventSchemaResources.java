package fr.maillage.platform.asyncapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads event schemas from the classpath. A file that is not JSON, or a schema without its type in
 * {@code $id}, stops the service: a document missing types would mislead its readers.
 */
public final class EventSchemaResources {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventSchemaResources() {}

    /** Every schema matching a location pattern, e.g. {@code classpath*:events/*.json}; possibly none. */
    public static List<EventCatalogue.EventSchema> load(String locationPattern) throws IOException {
        List<EventCatalogue.EventSchema> schemas = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(locationPattern)) {
            try (InputStream in = resource.getInputStream()) {
                schemas.add(EventCatalogue.EventSchema.of(JSON.readTree(in)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(resource.getFilename() + ": " + e.getMessage(), e);
            } catch (UncheckedIOException e) {
                throw new IllegalStateException(resource.getFilename() + " is not JSON", e);
            }
        }
        return schemas;
    }
}
