package fr.maillage.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.localstack.oidc.TestTokens;
import fr.maillage.platform.testing.TopicReader;
import fr.maillage.referral.ReferralServiceTestSupport;
import fr.maillage.referral.person.CareTeams;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/**
 * What the referral package's integration tests share on top of {@link ReferralServiceTestSupport}: one
 * Spring context for all of them (same properties, same spy), with a 2 s answer target for URGENT
 * referrals and a watcher sweeping every 0.2 s (use ROUTINE for referrals that must not become overdue),
 * resources of any institution, the loop's steps over HTTP, and an exact read of a referral's events.
 */
@TestPropertySource(properties = {ReferralIntegrationSupport.URGENT_TARGET, ReferralIntegrationSupport.SWEEP})
public abstract class ReferralIntegrationSupport extends ReferralServiceTestSupport {

    static final String URGENT_TARGET = "maillage.referral.answer-targets.URGENT=PT2S";
    static final String SWEEP = "maillage.referral.overdue.interval=PT0.2S";

    /** The real care teams, watched: the referral package must add its members through the registry's API. */
    @MockitoSpyBean
    protected CareTeams careTeams;

    /** A clinician of epsm-bievre (the demo realm has only its partner system). */
    protected static String epsmClinician() {
        return TestTokens.user("psy-epsm")
                .subject(UUID.nameUUIDFromBytes("psy-epsm".getBytes()))
                .roles("clinician")
                .institution("epsm-bievre")
                .territories("bievre")
                .profession("psychiatrist")
                .token();
    }

    /** A resource of {@code institution} in bievre, registered by coord-bievre; its id. */
    protected String registerResource(String type, String institution) {
        HttpResponse<String> response =
                post("/api/resources", token("coord-bievre"), json(resource(type, institution, "bievre")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).path("id").asString();
    }

    protected void deactivate(String resourceId) {
        mongo.getCollection("resources")
                .updateOne(new Document("_id", resourceId), new Document("$set", new Document("status", "INACTIVE")));
    }

    /** A referral body for a fresh person, with consent given inline. */
    protected static Map<String, Object> freshReferral(String resourceId, String priority) {
        Map<String, Object> body = new LinkedHashMap<>(referral(
                person("Loop-" + UUID.randomUUID(), "Camille", "1991-03-04"),
                resourceId,
                "suivi " + UUID.randomUUID()));
        body.put("priority", priority);
        return body;
    }

    /** {@code who} refers a fresh person to {@code resourceId} (ROUTINE, consent given); the created referral. */
    protected JsonNode refer(String who, String resourceId) {
        HttpResponse<String> response = post("/api/referrals", token(who), json(freshReferral(resourceId, "ROUTINE")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    protected HttpResponse<String> step(String id, String step, String token, Object body, String... headers) {
        return post("/api/referrals/" + id + "/" + step, token, body == null ? null : json(body), headers);
    }

    /** A step that must succeed; the referral after it. */
    protected JsonNode stepOk(String id, String step, String who, Object body) {
        HttpResponse<String> response = step(id, step, token(who), body);
        assertThat(response.statusCode()).as(step + ": " + response.body()).isEqualTo(200);
        return json(response);
    }

    protected String statusOf(String id) {
        return json(get("/api/referrals/" + id, token("admin"))).path("status").asString();
    }

    protected long count(String collection) {
        return mongo.getCollection(collection).countDocuments();
    }

    /** Waits until the referral's outbox is empty: everything it staged is on the topic. */
    protected void awaitPublished(String referralId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Document stored = mongo.getCollection("referrals")
                    .find(new Document("_id", referralId))
                    .first();
            return stored != null
                    && stored.getList("pendingEvents", Object.class, List.of()).isEmpty();
        });
    }

    /**
     * Every CloudEvent (value parsed) published so far with key {@code key} on the referral topic, read to
     * the end of every partition: nothing is missed that was there when it was called.
     */
    protected List<JsonNode> eventsOf(String key) {
        try (TopicReader reader = TopicReader.fromBeginning(bootstrapServers, REFERRAL_TOPIC)) {
            reader.readToEnd();
            return reader.eventsKeyed(key);
        }
    }

    /** The distinct events (by CloudEvent id: a redelivery is the same event) of {@code key}, by type. */
    protected List<JsonNode> distinctEventsOf(String key, String type) {
        return TopicReader.distinct(eventsOf(key)).stream()
                .filter(TopicReader.ofType(type))
                .toList();
    }

    protected static Stream<JsonNode> elements(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
