package fr.maillage.localstack.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the shared local infrastructure: a real Kafka broker (KRaft), a
 * memory-backed MongoDB wire server and a fake OIDC issuer, started by the first test class that
 * asks and kept for the whole JVM. Before any Spring context loads it sets the system properties
 * {@code spring.kafka.bootstrap-servers}, {@code spring.mongodb.host}, {@code spring.mongodb.port},
 * {@code spring.mongodb.uri} and {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}.
 *
 * <p>Put it BEFORE {@code @SpringBootTest}, so this extension runs before Spring's:
 *
 * <pre>{@code
 * @LocalInfrastructure
 * @SpringBootTest
 * class AlertIntegrationTests { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalInfrastructureExtension.class)
public @interface LocalInfrastructure {

    /** Where the shared infrastructure listens; usable once a {@code @LocalInfrastructure} class has started. */
    final class Endpoints {

        private Endpoints() {}

        /** {@code 127.0.0.1:<port>} of the Kafka broker. */
        public static String kafkaBootstrapServers() {
            return SharedInfrastructure.current().kafka().bootstrapServers();
        }

        /** {@code mongodb://127.0.0.1:<port>} (no database). */
        public static String mongoConnectionString() {
            return SharedInfrastructure.current().mongo().connectionString();
        }

        public static int mongoPort() {
            return SharedInfrastructure.current().mongo().port();
        }

        /** {@code http://127.0.0.1:<port>/realms/maillage}, the {@code iss} of {@code TestTokens}. */
        public static String issuerUri() {
            return SharedInfrastructure.current().issuer().issuerUri();
        }
    }
}
