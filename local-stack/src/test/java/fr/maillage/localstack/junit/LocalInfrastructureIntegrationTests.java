package fr.maillage.localstack.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import fr.maillage.localstack.oidc.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoders;

@LocalInfrastructure
class LocalInfrastructureIntegrationTests {

    @Test
    void setsTheSpringBootPropertiesOfEveryServer() {
        assertThat(System.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(LocalInfrastructure.Endpoints.kafkaBootstrapServers())
                .startsWith("127.0.0.1:");
        assertThat(System.getProperty("spring.mongodb.host")).isEqualTo("127.0.0.1");
        assertThat(System.getProperty("spring.mongodb.port"))
                .isEqualTo(String.valueOf(LocalInfrastructure.Endpoints.mongoPort()));
        assertThat(System.getProperty("spring.mongodb.uri"))
                .isEqualTo(LocalInfrastructure.Endpoints.mongoConnectionString())
                .isEqualTo("mongodb://127.0.0.1:" + LocalInfrastructure.Endpoints.mongoPort());
        assertThat(System.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .isEqualTo(LocalInfrastructure.Endpoints.issuerUri())
                .matches("http://127\\.0\\.0\\.1:\\d+/realms/maillage");
    }

    @Test
    void brokerAcceptsAProduceAndConsumeRoundTrip() throws Exception {
        String topic = "round-trip-" + UUID.randomUUID();
        String bootstrap = LocalInfrastructure.Endpoints.kafkaBootstrapServers();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "alert-1", "raised")).get();
            producer.send(new ProducerRecord<>(topic, "alert-1", "qualified")).get();
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "round-trip",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    assertThat(record.key()).isEqualTo("alert-1");
                    values.add(record.value());
                }
            }
            assertThat(values).containsExactly("raised", "qualified");
        }
    }

    @Test
    void mongoWireServerStoresAndFindsADocument() {
        try (MongoClient client = MongoClients.create(LocalInfrastructure.Endpoints.mongoConnectionString())) {
            MongoCollection<Document> alerts = client.getDatabase("alert").getCollection("alerts");
            alerts.insertOne(new Document("_id", "a-1").append("urgency", "B"));
            assertThat(alerts.find(new Document("_id", "a-1")).first()).containsEntry("urgency", "B");
        }
    }

    @Test
    void issuerServesTheDiscoveryDocumentThatValidatesTestTokens() throws Exception {
        String issuer = LocalInfrastructure.Endpoints.issuerUri();
        HttpResponse<String> discovery = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body().replace("\\/", "/")).contains("\"issuer\":\"" + issuer + "\"");

        Jwt jwt = JwtDecoders.fromIssuerLocation(issuer)
                .decode(TestTokens.demo("coord-bievre").token());
        assertThat(jwt.getIssuer()).hasToString(issuer);
    }
}
