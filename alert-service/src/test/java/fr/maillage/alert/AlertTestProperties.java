package fr.maillage.alert;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Stream;
import org.springframework.test.context.TestPropertySource;

/**
 * The short targets and fast escalation every Spring test of alert-service runs with. Every
 * {@code @SpringBootTest} class of this module carries it, so they all share ONE cached context: a
 * second context with other settings would run its own escalation watcher on the same database.
 * Urgency B is due 2 s after raising (use it to see escalations; use C or lower for stable alerts).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(
        properties = {
            AlertTestProperties.Values.B_TARGET,
            AlertTestProperties.Values.ESCALATION_INTERVAL,
            AlertTestProperties.Values.SECOND_LEVEL_AFTER
        })
public @interface AlertTestProperties {

    /** The same settings, for a second instance started by hand. */
    final class Values {

        public static final String B_TARGET = "maillage.alert.targets.B.duration=PT2S";
        public static final String ESCALATION_INTERVAL = "maillage.alert.escalation.interval=PT0.2S";
        public static final String SECOND_LEVEL_AFTER = "maillage.alert.escalation.second-level-after=PT2S";

        /**
         * As command-line arguments, for {@code SpringApplicationBuilder.run(...)} (its {@code properties(...)}
         * are defaults, which application.yml overrides), with a random port.
         */
        public static String[] arguments() {
            return Stream.of("server.port=0", B_TARGET, ESCALATION_INTERVAL, SECOND_LEVEL_AFTER)
                    .map(property -> "--" + property)
                    .toArray(String[]::new);
        }

        private Values() {}
    }
}
