package fr.maillage.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.localstack.junit.LocalInfrastructure;
import fr.maillage.localstack.oidc.TestTokens;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What every service promises before it has any domain (issue 2, item 7): health, OpenAPI, its own
 * JWT check, its own database and its own topic. A service's {@code *ServiceIntegrationTests}
 * extends this class.
 */
@LocalInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceContract {

    @LocalServerPort
    int port;

    @Value("${spring.application.name}")
    String applicationName;

    @Value("${maillage.events.topic}")
    String topic;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    MongoTemplate mongo;

    /** The name of the database this service alone owns, e.g. {@code alert}. */
    protected abstract String databaseName();

    @Test
    void readinessIsOpenAndUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"UP\"");
    }

    @Test
    void prometheusMetricsAreExposed() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void publishesItsOpenApiDocument() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\"");
    }

    @Test
    void apiRefusesRequestsWithoutAToken() throws Exception {
        HttpResponse<String> response = get("/api/anything", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void apiRefusesTokensForAnotherAudienceOrExpired() throws Exception {
        assertThat(get(
                                "/api/anything",
                                TestTokens.user("dr-martin")
                                        .roles("clinician")
                                        .audience("another-api")
                                        .token())
                        .statusCode())
                .isEqualTo(401);
        assertThat(get(
                                "/api/anything",
                                TestTokens.user("dr-martin")
                                        .roles("clinician")
                                        .expired()
                                        .token())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void acceptsAValidTokenAndAnswersUnknownRoutesWithAProblem() throws Exception {
        HttpResponse<String> response =
                get("/api/no-such-resource", TestTokens.demo("coord-bievre").token());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("urn:maillage:problem:");
    }

    @Test
    void ownsItsDatabase() {
        assertThat(mongo.getDb().getName()).isEqualTo(databaseName());
    }

    @Test
    void declaresItsTopicAndDeadLetterTopic() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> topics = admin.listTopics().names().get();
            assertThat(topics).contains(topic, topic + "-dlt");
        }
        assertThat(topic).isEqualTo(applicationName.replace("-service", "") + ".events.v1");
    }

    /** For a producing service: its own AsyncAPI document, checked against its schema files ({@link OwnAsyncApi}). */
    protected final void assertServesItsOwnAsyncApi() {
        OwnAsyncApi.assertDescribesExactlyItsEvents(port, topic);
    }

    private HttpResponse<String> get(String path, String token) {
        return ServiceHttp.onPort(port).get(path, token);
    }
}
