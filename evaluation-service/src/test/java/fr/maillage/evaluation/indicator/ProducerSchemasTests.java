package fr.maillage.evaluation.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import fr.maillage.evaluation.indicator.TestEvents.TestEvent;
import fr.maillage.evaluation.period.Period;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events the tests play are the producers' own: each satisfies its producer's JSON Schema (read from the
 * producing module), so the projection is tested on what referral, alert, workshop and meeting services
 * really publish; and every type the projection reads has a schema there.
 */
class ProducerSchemasTests {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Path schema(String type) {
        String service = type.split("\\.")[2];
        return Path.of("..", service + "-service", "src", "main", "resources", "events", type + ".json");
    }

    private static List<String> violations(TestEvent event) {
        try (InputStream in = Files.newInputStream(schema(event.type()))) {
            JsonSchema schema = FACTORY.getSchema(in, CONFIG);
            return schema.validate(JSON.writeValueAsString(event.data()), InputFormat.JSON).stream()
                    .map(ValidationMessage::getMessage)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyEventTheTestsPlayFollowsItsProducersSchema() {
        TestEvents ev = new TestEvents("bievre");
        List<TestEvent> events = new ArrayList<>(IndicatorScenario.quarter(ev, Period.parse("2026-Q3")));
        Instant at = Instant.parse("2026-08-01T10:00:00Z");
        events.add(ev.groupCancelled(TestEvents.newId(), Facts.GroupFact.MINIMUM_NOT_REACHED, at));
        events.add(ev.referralFirstContact(TestEvents.newId(), at));
        Set<String> types = new TreeSet<>();

        for (TestEvent event : events) {
            assertThat(violations(event))
                    .as("%s %s", event.type(), event.data())
                    .isEmpty();
            types.add(event.type());
        }
        assertThat(types).containsAll(IndicatorEvents.types());
    }

    @Test
    void everyProjectedTypeIsPublishedByItsProducer() {
        for (String type : IndicatorEvents.types()) {
            assertThat(schema(type)).as(type).exists();
        }
    }
}
