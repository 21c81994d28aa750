package fr.maillage.localstack.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.localstack.oidc.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** A Spring Boot 4 application started after the extension reaches all three servers through auto-configuration alone. */
@LocalInfrastructure
@SpringBootTest(
        classes = SpringBootPicksUpLocalInfrastructureIntegrationTests.App.class,
        properties = {
            "spring.mongodb.database=probe",
            "spring.security.oauth2.resourceserver.jwt.audiences=maillage-api",
            "spring.kafka.consumer.auto-offset-reset=earliest",
            "spring.kafka.consumer.group-id=probe"
        })
class SpringBootPicksUpLocalInfrastructureIntegrationTests {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        final List<String> received = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = "probe.events.v1")
        void on(String value) {
            received.add(value);
        }

        @Bean
        List<String> received() {
            return received;
        }
    }

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    List<String> received;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JwtDecoder jwtDecoder;

    @Test
    void kafkaTemplateAndListenerUseTheLocalBroker() {
        kafka.send("probe.events.v1", "probe-1", "hello");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> received.contains("hello"));
    }

    @Test
    void mongoTemplateUsesTheWireServer() {
        mongo.getCollection("things").insertOne(new Document("_id", "t-1"));

        assertThat(mongo.getDb().getName()).isEqualTo("probe");
        assertThat(mongo.getCollection("things").countDocuments()).isEqualTo(1);
    }

    @Test
    void jwtDecoderTrustsTheTestIssuerAndChecksTheAudience() {
        Jwt jwt = jwtDecoder.decode(TestTokens.demo("dr-martin").token());
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("dr-martin");

        assertThatThrownBy(() -> jwtDecoder.decode(
                        TestTokens.demo("dr-martin").audience("other").token()))
                .isInstanceOf(JwtException.class);
    }
}
