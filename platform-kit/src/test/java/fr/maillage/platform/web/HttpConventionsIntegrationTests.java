package fr.maillage.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.localstack.oidc.TestTokens;
import fr.maillage.platform.web.testapp.Http;
import fr.maillage.platform.web.testapp.Http.Answer;
import fr.maillage.platform.web.testapp.KitIntegrationTest;
import fr.maillage.platform.web.testapp.RetryController;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

@KitIntegrationTest
class HttpConventionsIntegrationTests {

    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Http http;
    String coordinator;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        coordinator = TestTokens.demo("coord-bievre").token();
    }

    private long things() {
        return mongo.getCollection("things").countDocuments();
    }

    private Answer createThing(String name) {
        Answer created = http.post("/api/things", coordinator, Http.json(Map.of("name", name, "colour", "RED")));
        assertThat(created.status()).isEqualTo(201);
        return created;
    }

    private static void assertProblem(Answer answer, int status, String slug) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:maillage:problem:" + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(answer.body())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("trace\"");
    }

    // --- Idempotency-Key ---------------------------------------------------------------------

    @Test
    void aReplayedIdempotencyKeyReturnsTheFirstAnswerAndCreatesNothingNew() {
        String key = UUID.randomUUID().toString();
        String body = Http.json(Map.of("name", "once", "colour", "GREEN"));
        long before = things();

        Answer first = http.post("/api/things", coordinator, body, "Idempotency-Key", key);
        Answer again = http.post("/api/things", coordinator, body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotency-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location")).isNotNull();
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.contentType()).isEqualTo(first.contentType());
        assertThat(things()).isEqualTo(before + 1);
        assertThat(mongo.getCollection(IdempotencyStore.COLLECTION).countDocuments(new Document("key", key)))
                .isEqualTo(1);
    }

    @Test
    void theSameKeyFromAnotherCallerIsAnotherRequest() {
        String key = UUID.randomUUID().toString();
        String body = Http.json(Map.of("name", "mine", "colour", "GREEN"));
        long before = things();

        Answer coordinators = http.post("/api/things", coordinator, body, "Idempotency-Key", key);
        Answer admins = http.post("/api/things", TestTokens.demo("admin").token(), body, "Idempotency-Key", key);

        assertThat(coordinators.status()).isEqualTo(201);
        assertThat(admins.status()).isEqualTo(201);
        assertThat(admins.header("Idempotency-Replayed")).isNull();
        assertThat(things()).isEqualTo(before + 2);
    }

    @Test
    void theSameKeyWithAnotherBodyIsUnprocessable() {
        String key = UUID.randomUUID().toString();
        http.post("/api/things", coordinator, Http.json(Map.of("name", "a", "colour", "RED")), "Idempotency-Key", key);
        long before = things();

        Answer reuse = http.post(
                "/api/things", coordinator, Http.json(Map.of("name", "b", "colour", "RED")), "Idempotency-Key", key);

        assertProblem(reuse, 422, "idempotency-key-reuse");
        assertThat(things()).isEqualTo(before);
    }

    @Test
    void anIdempotencyKeyLongerThan255CharactersIsRejected() {
        Answer answer = http.post(
                "/api/things",
                coordinator,
                Http.json(Map.of("name", "a", "colour", "RED")),
                "Idempotency-Key",
                "k".repeat(256));

        assertProblem(answer, 400, "invalid-idempotency-key");
    }

    @Test
    void aServerErrorIsNotKeptSoTheRetryRunsAgain() {
        RetryController.flakyRuns.set(0);
        String key = UUID.randomUUID().toString();
        String body = Http.json(Map.of("text", "hello"));

        Answer failed = http.post("/api/flaky", coordinator, body, "Idempotency-Key", key);
        Answer retried = http.post("/api/flaky", coordinator, body, "Idempotency-Key", key);
        Answer replayed = http.post("/api/flaky", coordinator, body, "Idempotency-Key", key);

        assertProblem(failed, 500, "internal-error");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.header("Idempotency-Replayed")).isNull();
        assertThat(replayed.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(replayed.body()).isEqualTo(retried.body());
        assertThat(RetryController.flakyRuns).hasValue(2);
    }

    @Test
    void theSameKeyWhileTheFirstRequestRunsIsInProgress() throws Exception {
        RetryController.slowGate = new CountDownLatch(1);
        RetryController.slowRuns.set(0);
        String key = UUID.randomUUID().toString();
        String body = Http.json(Map.of("text", "slow"));

        CompletableFuture<Answer> first =
                CompletableFuture.supplyAsync(() -> http.post("/api/slow", coordinator, body, "Idempotency-Key", key));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(RetryController.slowRuns).hasValue(1));

        Answer concurrent = http.post("/api/slow", coordinator, body, "Idempotency-Key", key);
        RetryController.slowGate.countDown();

        assertProblem(concurrent, 409, "idempotency-key-in-progress");
        assertThat(first.get().status()).isEqualTo(200);
        assertThat(RetryController.slowRuns).hasValue(1);
    }

    // --- ETag / If-Match ---------------------------------------------------------------------

    @Test
    void anUpdateNeedsTheCurrentETag() {
        Answer created = createThing("versioned");
        String location = created.header("Location");
        String etag = created.header("ETag");
        String rename = Http.json(Map.of("name", "renamed"));

        Answer missing = http.put(location, coordinator, rename);
        Answer current = http.put(location, coordinator, rename, "If-Match", etag);
        Answer stale = http.put(location, coordinator, rename, "If-Match", etag);

        assertProblem(missing, 428, "precondition-required");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.header("ETag"))
                .isNotEqualTo(etag)
                .isEqualTo(ETags.of(ETags.version(etag).getAsLong() + 1));
        assertProblem(stale, 412, "stale-version");
        assertThat(stale.json().get("detail").asString()).contains(current.header("ETag"));
        assertThat(http.get(location, coordinator).header("ETag")).isEqualTo(current.header("ETag"));
    }

    @Test
    void aLostOptimisticLockIsAStaleVersion() {
        String location = createThing("contended").header("Location");

        assertProblem(http.post(location + "/race", coordinator, ""), 412, "stale-version");
    }

    // --- Bad input ---------------------------------------------------------------------------

    @Test
    void malformedJsonIsABadRequest() {
        Answer answer = http.post("/api/things", coordinator, "{\"name\": \"x\", ");

        assertProblem(answer, 400, "malformed-json");
        assertThat(answer.json().get("instance").asString()).isEqualTo("/api/things");
    }

    @Test
    void aMissingFieldIsNamedInTheErrors() {
        long before = things();

        Answer answer = http.post("/api/things", coordinator, Http.json(Map.of("name", "no colour")));

        assertProblem(answer, 400, "validation-failed");
        JsonNode errors = answer.json().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("colour");
        assertThat(errors.get(0).get("message").asString()).isNotBlank();
        assertThat(answer.json().get("detail").asString()).contains("colour");
        assertThat(things()).isEqualTo(before);
    }

    @Test
    void aWrongEnumValueNamesTheFieldAndTheAcceptedValues() {
        Answer answer = http.post("/api/things", coordinator, Http.json(Map.of("name", "x", "colour", "PURPLE")));

        assertProblem(answer, 400, "invalid-body");
        assertThat(answer.json().get("field").asString()).isEqualTo("colour");
        assertThat(answer.json().get("detail").asString())
                .contains("colour")
                .contains("PURPLE")
                .contains("RED, GREEN, BLUE");
        assertThat(answer.json().get("acceptedValues").toString()).contains("RED", "GREEN", "BLUE");
    }

    @Test
    void aWrongEnumInThePathNamesTheParameterAndTheAcceptedValues() {
        Answer answer = http.get("/api/things/by-colour/PURPLE", coordinator);

        assertProblem(answer, 400, "invalid-parameter");
        assertThat(answer.json().get("detail").asString()).contains("colour").contains("RED, GREEN, BLUE");
    }

    @Test
    void anInvalidQueryParameterIsAValidationError() {
        Answer answer = http.get("/api/things?size=1000", coordinator);

        assertProblem(answer, 400, "validation-failed");
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
    }

    @Test
    void anUnknownIdIsNotFound() {
        Answer answer = http.get("/api/things/does-not-exist", coordinator);

        assertProblem(answer, 404, "not-found");
        assertThat(answer.json().get("detail").asString()).isEqualTo("Thing does-not-exist was not found.");
        assertThat(answer.json().get("instance").asString()).isEqualTo("/api/things/does-not-exist");
    }

    @Test
    void anUnknownRouteIsNotFound() {
        assertProblem(http.get("/api/nothing-here", coordinator), 404, "not-found");
    }

    @Test
    void aWrongMethodIsNotAllowed() {
        Answer answer = http.send("DELETE", "/api/things", coordinator, HttpRequest.BodyPublishers.noBody());

        assertProblem(answer, 405, "method-not-allowed");
        assertThat(answer.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void anUnsupportedMediaTypeIsRefused() {
        Answer answer = http.send(http.request("/api/things", coordinator)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")));

        assertProblem(answer, 415, "unsupported-media-type");
    }

    @Test
    void anIllegalTransitionNamesTheCurrentState() {
        String location = createThing("closable").header("Location");
        assertThat(http.post(location + "/closure", coordinator, "").status()).isEqualTo(200);

        Answer again = http.post(location + "/closure", coordinator, "");

        assertProblem(again, 409, "illegal-transition");
        assertThat(again.json().get("currentState").asString()).isEqualTo("CLOSED");
    }

    @Test
    void anOversizedBodyIsRefused() {
        long before = things();
        String huge = Http.json(Map.of("name", "x".repeat(1_500_000), "colour", "RED"));

        Answer declared = http.post(
                "/api/things",
                coordinator,
                huge,
                "Idempotency-Key",
                UUID.randomUUID().toString());
        // No Content-Length: a chunked body is cut when it grows past the limit.
        Answer chunked = http.send(http.request("/api/things", coordinator)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes()))));

        assertProblem(declared, 413, "payload-too-large");
        assertProblem(chunked, 413, "payload-too-large");
        assertThat(things()).isEqualTo(before);
    }

    @Test
    void anUnexpectedErrorIsAGenericProblemWithoutItsCause() {
        Answer answer = http.get("/api/boom", coordinator);

        assertProblem(answer, 500, "internal-error");
        assertThat(answer.body())
                .doesNotContain("secret")
                .doesNotContain("IllegalState")
                .doesNotContain("fr.maillage");
        assertThat(answer.json().get("traceId").asString()).isNotBlank();
    }

    @Test
    void listsArePaged() {
        createThing("paged");

        JsonNode page = http.get("/api/things?page=0&size=1", coordinator).json();

        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("totalItems").asLong()).isPositive();
    }
}
