package fr.maillage.referral.person;

import fr.maillage.referral.ReferralServiceTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;

/** What the person registry's integration tests add to the shared base: any method and header, and registrations. */
abstract class PersonTestSupport extends ReferralServiceTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KafkaProducer<String, String> producer;

    @AfterEach
    void closeWorkshopProducer() {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    protected HttpResponse<String> send(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET /api/persons/{ref}} with a reason. */
    protected HttpResponse<String> readIdentity(String personRef, String who, String reason) {
        return send("GET", "/api/persons/" + personRef, token(who), null, "X-Access-Reason", reason);
    }

    /** A person nobody else uses, with contact details. */
    protected static Map<String, Object> uniqueIdentity() {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("familyName", "Testperson" + UUID.randomUUID().toString().substring(0, 8));
        identity.put("givenName", "Camille");
        identity.put("birthDate", "1984-03-17");
        identity.put("commune", "38260");
        identity.put("phone", "+33 6 12 34 56 78");
        identity.put("email", "camille." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        identity.put("gp", "Dr Gérard Lenoir");
        return identity;
    }

    protected static String registration(Map<String, Object> identity, String territory) {
        Map<String, Object> body = new LinkedHashMap<>(identity);
        body.put("territory", territory);
        return json(body);
    }

    protected HttpResponse<String> register(String who, Map<String, Object> identity, String territory) {
        return post("/api/persons", token(who), registration(identity, territory));
    }

    /** Registers a new person as {@code who} in bievre; their personRef. */
    protected String registerNew(String who) {
        HttpResponse<String> response = register(who, uniqueIdentity(), "bievre");
        if (response.statusCode() != 201) {
            throw new AssertionError("person not registered: " + response.statusCode() + " " + response.body());
        }
        return json(response).path("personRef").asString();
    }

    /** Plays a workshop-service event with its real audience (the shared helper names two institutions). */
    protected void playWorkshop(String type, String subject, String audience, Map<String, Object> data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("source", "/maillage/workshop");
        envelope.put("type", type);
        envelope.put("subject", subject);
        envelope.put("time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("territory", "bievre");
        envelope.put("audience", audience);
        envelope.put("data", data);
        ProducerRecord<String, String> record = new ProducerRecord<>(WORKSHOP_TOPIC, subject, json(envelope));
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        try {
            workshopProducer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot play " + type, e);
        }
    }

    private KafkaProducer<String, String> workshopProducer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            producer = new KafkaProducer<>(properties);
        }
        return producer;
    }
}
