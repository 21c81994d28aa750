package fr.maillage.subscription.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import fr.maillage.subscription.WebhookReceiver;
import fr.maillage.subscription.WebhookReceiver.Received;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

class SubscriptionApiIntegrationTests extends SubscriptionApiSupport {

    // ---- creation and the verification handshake

    @Test
    void aSubscriptionIsActiveOnceItsEndpointAnswersTheVerificationWithA2xx() {
        WebhookReceiver receiver = receiver();

        HttpResponse<String> response = create(
                PARTNER_EPSM,
                body(
                        receiver.url("/hooks").toString(),
                        null,
                        "fr.maillage.referral.*",
                        "fr.maillage.alert.responded.v1"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode created = json(response);
        String id = created.get("id").asString();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/subscriptions/" + id);
        assertThat(response.headers().firstValue("ETag")).isPresent();
        assertThat(created.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(created.get("institution").asString()).isEqualTo(EPSM);
        assertThat(created.get("eventTypes").toString())
                .isEqualTo("[\"fr.maillage.referral.*\",\"fr.maillage.alert.responded.v1\"]");
        assertThat(created.get("signingSecret").asString()).matches("whsec_[A-Za-z0-9+/]{43}=");

        assertThat(receiver.received()).hasSize(1);
        Received verification = receiver.received().getFirst();
        assertThat(verification.path()).isEqualTo("/hooks");
        assertThat(verification.header("content-type")).startsWith("application/cloudevents+json");
        assertThat(verification.header("webhook-timestamp")).matches("\\d+");
        JsonNode event = parse(verification.bodyText());
        assertThat(verification.header("webhook-id")).isEqualTo(event.get("id").asString());
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("type").asString()).isEqualTo("fr.maillage.subscription.verification.v1");
        assertThat(event.get("source").asString()).isEqualTo("/maillage/subscription");
        assertThat(event.get("data").get("subscriptionId").asString()).isEqualTo(id);
        assertThat(event.get("data").get("challenge").asString()).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void theVerificationIsSignedWithTheNewSecret() throws Exception {
        WebhookReceiver receiver = receiver();

        JsonNode created = subscribe(PARTNER_EPSM, receiver, "fr.maillage.meeting.*");

        Received verification = receiver.received().getFirst();
        String expected = new Webhook(created.get("signingSecret").asString())
                .sign(
                        verification.header("webhook-id"),
                        Long.parseLong(verification.header("webhook-timestamp")),
                        verification.bodyText());
        assertThat(verification.header("webhook-signature")).isEqualTo(expected);
        String other = new Webhook("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))
                .sign(
                        verification.header("webhook-id"),
                        Long.parseLong(verification.header("webhook-timestamp")),
                        verification.bodyText());
        assertThat(verification.header("webhook-signature")).isNotEqualTo(other);
    }

    @Test
    void theSecretIsShownOnlyOnceAndIsSealedAtRest() {
        JsonNode created = subscribe(PARTNER_EPSM, receiver(), "fr.maillage.alert.*");
        String id = created.get("id").asString();
        String secret = created.get("signingSecret").asString();

        HttpResponse<String> read = get(SUBSCRIPTIONS + "/" + id, PARTNER_EPSM);
        HttpResponse<String> list = get(SUBSCRIPTIONS, PARTNER_EPSM);

        assertThat(read.body()).doesNotContain("whsec_").doesNotContain("signingSecret");
        assertThat(list.body()).doesNotContain("whsec_");
        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, "subscriptions");
        assertThat(stored.toJson()).doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()));
        assertThat(directory.target(id).orElseThrow().signingSecrets()).containsExactly(secret);
    }

    @Test
    void aSubscriptionStaysRequestedWithTheErrorWhenTheEndpointAnswers500() {
        WebhookReceiver receiver = receiver().replySequence(500);

        JsonNode created = subscribe(PARTNER_EPSM, receiver, "fr.maillage.referral.*");

        assertThat(created.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(created.get("lastError").get("statusCode").asInt()).isEqualTo(500);
        assertThat(created.get("lastError").get("message").asString()).contains("verification failed");
        assertThat(created.get("lastError").get("at").asString()).isNotBlank();
        JsonNode read = json(get(SUBSCRIPTIONS + "/" + created.get("id").asString(), PARTNER_EPSM));
        assertThat(read.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(read.get("lastError").get("statusCode").asInt()).isEqualTo(500);
    }

    @Test
    void aVerificationRetryActivatesTheSubscriptionOnceTheEndpointAnswers() {
        WebhookReceiver receiver = receiver().replySequence(503);
        String id = subscribe(PARTNER_EPSM, receiver, "fr.maillage.referral.*")
                .get("id")
                .asString();

        HttpResponse<String> retried = step(SUBSCRIPTIONS + "/" + id + "/verification", PARTNER_EPSM);

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(json(retried).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(json(retried).get("lastError").isNull()).isTrue();
        assertThat(receiver.received()).hasSize(2);
        assertThat(receiver.received().get(1).header("webhook-id"))
                .isNotEqualTo(receiver.received().get(0).header("webhook-id"));
        HttpResponse<String> again = step(SUBSCRIPTIONS + "/" + id + "/verification", PARTNER_EPSM);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("type").asString()).isEqualTo("urn:maillage:problem:illegal-transition");
    }

    @Test
    void anUnreachableEndpointLeavesTheSubscriptionRequestedWithoutAStatusCode() {
        WebhookReceiver receiver = receiver();
        String url = receiver.url("/hooks").toString();
        receiver.close();

        HttpResponse<String> response = create(PARTNER_EPSM, body(url, null, "fr.maillage.referral.*"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).get("status").asString()).isEqualTo("REQUESTED");
        assertThat(json(response).get("lastError").get("statusCode").isNull()).isTrue();
    }

    // ---- bad input: problems, nothing stored

    @Test
    void badRequestsAreProblemsAndStoreNothing() {
        WebhookReceiver receiver = receiver();
        String url = receiver.url("/hooks").toString();
        long before = storedFor(EPSM);

        HttpResponse<String> malformed = create(PARTNER_EPSM, "{\"eventTypes\": [\"fr.maillage.referral.*\"");
        HttpResponse<String> noCallback = create(PARTNER_EPSM, "{\"eventTypes\": [\"fr.maillage.referral.*\"]}");
        HttpResponse<String> noTypes = create(PARTNER_EPSM, body(url, null));
        HttpResponse<String> unknownFamily =
                create(PARTNER_EPSM, body(url, null, "fr.maillage.referral.*", "fr.maillage.billing.*"));
        HttpResponse<String> notHttps =
                create(PARTNER_EPSM, body("http://93.184.216.34/hooks", null, "fr.maillage.alert.*"));
        HttpResponse<String> notAUrl = create(PARTNER_EPSM, body("hooks here please", null, "fr.maillage.alert.*"));

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(noCallback.statusCode()).isEqualTo(400);
        assertThat(noTypes.statusCode()).isEqualTo(400);
        assertThat(unknownFamily.statusCode()).isEqualTo(422);
        assertThat(json(unknownFamily).get("type").asString()).isEqualTo("urn:maillage:problem:unknown-event-type");
        assertThat(json(unknownFamily).get("pattern").asString()).isEqualTo("fr.maillage.billing.*");
        assertThat(notHttps.statusCode()).isEqualTo(422);
        assertThat(json(notHttps).get("type").asString()).isEqualTo("urn:maillage:problem:callback-refused");
        assertThat(json(notHttps).get("reason").asString()).isEqualTo("not-https");
        assertThat(notAUrl.statusCode()).isEqualTo(422);
        assertThat(json(notAUrl).get("reason").asString()).isEqualTo("invalid-url");
        for (HttpResponse<String> response :
                new HttpResponse[] {malformed, noCallback, noTypes, unknownFamily, notHttps, notAUrl}) {
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(storedFor(EPSM)).isEqualTo(before);
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void anInstitutionCannotHoldMoreThanTheLimit() {
        String institution = "test-" + UUID.randomUUID().toString().substring(0, 8);
        WebhookReceiver receiver = receiver();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> created =
                    create(ADMIN, body(receiver.url("/hooks/" + i).toString(), institution, "*"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }

        HttpResponse<String> oneTooMany =
                create(ADMIN, body(receiver.url("/hooks/x").toString(), institution, "*"));

        assertThat(oneTooMany.statusCode()).isEqualTo(422);
        assertThat(json(oneTooMany).get("type").asString()).isEqualTo("urn:maillage:problem:too-many-subscriptions");
        assertThat(json(oneTooMany).get("limit").asInt()).isEqualTo(20);
        assertThat(storedFor(institution)).isEqualTo(20);
        assertThat(receiver.received()).hasSize(20);
    }

    @Test
    void concurrentCreationsNeverTakeAnInstitutionPastTheLimit() throws Exception {
        String institution = "test-" + UUID.randomUUID().toString().substring(0, 8);
        WebhookReceiver receiver = receiver();
        int attempts = 26;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < attempts; i++) {
                String callback = receiver.url("/hooks/" + i).toString();
                answers.add(clients.submit(() -> {
                    start.await();
                    return create(ADMIN, body(callback, institution, "*"));
                }));
            }
            start.countDown();
        }

        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            statuses.add(answer.get().statusCode());
        }
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(20);
        assertThat(statuses).filteredOn(status -> status == 422).hasSize(attempts - 20);
        assertThat(storedFor(institution)).isEqualTo(20);

        // a deletion gives its place back
        String one = answers.stream()
                .map(answer -> answer.resultNow())
                .filter(response -> response.statusCode() == 201)
                .map(response -> json(response).get("id").asString())
                .findFirst()
                .orElseThrow();
        assertThat(delete(SUBSCRIPTIONS + "/" + one, ADMIN).statusCode()).isEqualTo(204);
        assertThat(create(ADMIN, body(receiver.url("/hooks/again").toString(), institution, "*"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(create(ADMIN, body(receiver.url("/hooks/over").toString(), institution, "*"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(storedFor(institution)).isEqualTo(20);
    }

    // ---- transitions

    @Test
    void pauseResumeAndDeleteFollowTheLifecycle() {
        String id = subscribe(PARTNER_EPSM, receiver(), "fr.maillage.referral.*")
                .get("id")
                .asString();
        String path = SUBSCRIPTIONS + "/" + id;

        HttpResponse<String> paused = step(path + "/pause", PARTNER_EPSM);
        SubscriptionStatus seenByDelivery = directory.target(id).orElseThrow().status();
        HttpResponse<String> pausedAgain = step(path + "/pause", PARTNER_EPSM);
        HttpResponse<String> resumed = step(path + "/resume", PARTNER_EPSM);
        HttpResponse<String> resumedAgain = step(path + "/resume", PARTNER_EPSM);

        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(json(paused).get("status").asString()).isEqualTo("PAUSED");
        assertThat(seenByDelivery).isEqualTo(SubscriptionStatus.PAUSED);
        assertThat(pausedAgain.statusCode()).isEqualTo(409);
        assertThat(json(pausedAgain).get("type").asString()).isEqualTo("urn:maillage:problem:illegal-transition");
        assertThat(json(pausedAgain).get("currentState").asString()).isEqualTo("PAUSED");
        assertThat(json(resumed).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(resumedAgain.statusCode()).isEqualTo(409);

        HttpResponse<String> deleted = delete(path, PARTNER_EPSM);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get(path, PARTNER_EPSM).statusCode()).isEqualTo(404);
        assertThat(get(path, ADMIN).statusCode()).isEqualTo(404);
        assertThat(directory.target(id)).isEmpty();
        assertThat(delete(path, PARTNER_EPSM).statusCode()).isEqualTo(404);
    }

    @Test
    void aRequestedSubscriptionCannotBePausedOrResumed() {
        String id = subscribe(PARTNER_EPSM, receiver().replySequence(500), "fr.maillage.referral.*")
                .get("id")
                .asString();

        HttpResponse<String> paused = step(SUBSCRIPTIONS + "/" + id + "/pause", PARTNER_EPSM);
        HttpResponse<String> resumed = step(SUBSCRIPTIONS + "/" + id + "/resume", PARTNER_EPSM);

        assertThat(paused.statusCode()).isEqualTo(409);
        assertThat(json(paused).get("currentState").asString()).isEqualTo("REQUESTED");
        assertThat(resumed.statusCode()).isEqualTo(409);
    }

    @Test
    void resumingADisabledSubscriptionRunsTheHandshakeAgain() {
        WebhookReceiver receiver = receiver();
        String id = subscribe(PARTNER_EPSM, receiver, "fr.maillage.referral.*")
                .get("id")
                .asString();
        directory.recordOutcome(
                id, fr.maillage.subscription.outbound.DeliveryOutcome.GONE, "HTTP 410", clock.instant());
        JsonNode disabled = json(get(SUBSCRIPTIONS + "/" + id, PARTNER_EPSM));
        assertThat(disabled.get("status").asString()).isEqualTo("DISABLED");
        assertThat(disabled.get("statusReason").asString()).isEqualTo("gone");

        receiver.replySequence(500);
        HttpResponse<String> refused = step(SUBSCRIPTIONS + "/" + id + "/resume", PARTNER_EPSM);
        HttpResponse<String> resumed = step(SUBSCRIPTIONS + "/" + id + "/resume", PARTNER_EPSM);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(json(refused).get("status").asString()).isEqualTo("DISABLED");
        assertThat(json(refused).get("lastError").get("statusCode").asInt()).isEqualTo(500);
        assertThat(json(resumed).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(json(resumed).get("statusReason").isNull()).isTrue();
        assertThat(receiver.received()).hasSize(3);
    }

    @Test
    void aRotationGivesANewSecretWhileThePreviousOneKeepsSigningForTheOverlap() {
        JsonNode created = subscribe(PARTNER_EPSM, receiver(), "fr.maillage.referral.*");
        String id = created.get("id").asString();
        String first = created.get("signingSecret").asString();

        HttpResponse<String> rotated = step(SUBSCRIPTIONS + "/" + id + "/secret-rotation", PARTNER_EPSM);

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String second = json(rotated).get("signingSecret").asString();
        assertThat(second).startsWith("whsec_").isNotEqualTo(first);
        java.time.Instant until =
                java.time.Instant.parse(json(rotated).get("previousValidUntil").asString());
        assertThat(until).isEqualTo(clock.instant().plus(java.time.Duration.ofDays(1)));
        assertThat(directory.target(id).orElseThrow().signingSecrets()).containsExactly(second, first);
        JsonNode read = json(get(SUBSCRIPTIONS + "/" + id, PARTNER_EPSM));
        assertThat(read.get("secretRotatedAt").asString()).isNotBlank();
        assertThat(read.get("previousSecretValidUntil").asString())
                .isEqualTo(json(rotated).get("previousValidUntil").asString());

        advanceTo(until);

        assertThat(directory.target(id).orElseThrow().signingSecrets()).containsExactly(second);
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndChangesNothing() {
        String id = subscribe(PARTNER_EPSM, receiver(), "fr.maillage.referral.*")
                .get("id")
                .asString();
        String path = SUBSCRIPTIONS + "/" + id;
        String etag = get(path, PARTNER_EPSM).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> paused = step(path + "/pause", PARTNER_EPSM, "If-Match", etag);
        HttpResponse<String> stale = step(path + "/resume", PARTNER_EPSM, "If-Match", etag);
        HttpResponse<String> staleDelete = delete(path, PARTNER_EPSM, "If-Match", etag);

        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(paused.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).get("type").asString()).isEqualTo("urn:maillage:problem:stale-version");
        assertThat(staleDelete.statusCode()).isEqualTo(412);
        HttpResponse<String> read = get(path, PARTNER_EPSM);
        assertThat(json(read).get("status").asString()).isEqualTo("PAUSED");
        assertThat(step(
                                path + "/resume",
                                PARTNER_EPSM,
                                "If-Match",
                                read.headers().firstValue("ETag").orElseThrow())
                        .statusCode())
                .isEqualTo(200);
    }
}
