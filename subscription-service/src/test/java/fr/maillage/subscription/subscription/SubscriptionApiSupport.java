package fr.maillage.subscription.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.testing.ServiceHttp;
import fr.maillage.subscription.SubscriptionIntegrationSupport;
import fr.maillage.subscription.WebhookReceiver;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the subscription tests add to the shared base: creating subscriptions through the API and deleting
 * them after each test (institutions hold at most {@code max-per-institution}, and every class shares one
 * database), other HTTP verbs, and a look at the stored documents.
 */
abstract class SubscriptionApiSupport extends SubscriptionIntegrationSupport {

    static final String SUBSCRIPTIONS = "/api/subscriptions";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected SubscriptionDirectory directory;

    private final List<String> created =
            Collections.synchronizedList(new ArrayList<>()); // tests may create concurrently

    @AfterEach
    void deleteCreatedSubscriptions() {
        created.forEach(id -> delete(SUBSCRIPTIONS + "/" + id, ADMIN));
        created.clear();
    }

    /** Creates a subscription (as {@code who}) to the receiver's {@code /hooks}; asserts 201. */
    protected JsonNode subscribe(String who, WebhookReceiver receiver, String... eventTypes) {
        HttpResponse<String> response = create(who, body(receiver.url("/hooks").toString(), null, eventTypes));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    /** POST /api/subscriptions with this JSON; remembers what it creates, to delete it after the test. */
    protected HttpResponse<String> create(String who, String json) {
        HttpResponse<String> response = post(SUBSCRIPTIONS, who, json);
        if (response.statusCode() == 201) {
            created.add(json(response).get("id").asString());
        }
        return response;
    }

    protected static String body(String callbackUrl, String institution, String... eventTypes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventTypes", List.of(eventTypes));
        body.put("callbackUrl", callbackUrl);
        body.put("description", "Test endpoint");
        if (institution != null) {
            body.put("institution", institution);
        }
        return json(body);
    }

    protected HttpResponse<String> delete(String path, String who, String... headers) {
        return http().delete(path, ServiceHttp.demoToken(who), headers);
    }

    /** A POST without a body (the transitions). */
    protected HttpResponse<String> step(String path, String who, String... headers) {
        return http().send("POST", path, ServiceHttp.demoToken(who), null, headers);
    }

    protected static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    protected long storedFor(String institution) {
        return mongo.count(Query.query(Criteria.where("institution").is(institution)), Subscription.class);
    }
}
