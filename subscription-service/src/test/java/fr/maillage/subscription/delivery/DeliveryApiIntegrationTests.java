package fr.maillage.subscription.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.subscription.WebhookReceiver;
import fr.maillage.subscription.events.StoredEvent;
import fr.maillage.subscription.subscription.SubscriptionStatus;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeliveryApiIntegrationTests extends DeliveryIntegrationSupport {

    @Test
    void theSubscribersPartnerAndAdminsSeeEveryDeliveryWithItsAttempts() {
        WebhookReceiver receiver = receiver().replySequence(500);
        String subscription = directory.subscribe(EPSM, receiver.url("/hooks"), List.of(newSecret()), "*");
        StoredEvent event = storedEvent(REFERRAL_CREATED, EPSM);
        planner.plan(event);
        Delivery failedOnce =
                awaitDelivery(subscription, event.id(), d -> d.attempts().size() == 1);
        advanceTo(failedOnce.nextAttemptAt());
        awaitDelivery(subscription, event.id(), d -> d.status() == DeliveryStatus.DELIVERED);

        HttpResponse<String> response = get("/api/subscriptions/" + subscription + "/deliveries", PARTNER_EPSM);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("totalItems").asLong()).isEqualTo(1);
        JsonNode delivery = body.get("items").get(0);
        assertThat(delivery.get("webhookId").asString()).isEqualTo(event.id());
        assertThat(delivery.get("eventNumber").asLong()).isEqualTo(1);
        assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.get("attempts")).hasSize(2);
        assertThat(delivery.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(500);
        assertThat(delivery.get("attempts").get(0).get("outcome").asString()).isEqualTo("FAILED");
        assertThat(delivery.get("attempts").get(1).get("statusCode").asInt()).isEqualTo(204);
        assertThat(delivery.get("attempts").get(1).has("latencyMs")).isTrue();
        assertThat(get("/api/subscriptions/" + subscription + "/deliveries", ADMIN)
                        .statusCode())
                .isEqualTo(200);
        assertThat(json(get("/api/subscriptions/" + subscription + "/deliveries?status=FAILED", ADMIN))
                        .get("totalItems")
                        .asLong())
                .isZero();
    }

    @Test
    void anotherInstitutionGets404AndStaff403() {
        String subscription = directory.subscribe(EPSM, receiver().url("/hooks"), List.of(newSecret()), "*");

        assertThat(get("/api/subscriptions/" + subscription + "/deliveries", PARTNER_DAC)
                        .statusCode())
                .isEqualTo(404);
        assertThat(post("/api/subscriptions/" + subscription + "/replay?from=" + clock.instant(), PARTNER_DAC, "")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/api/subscriptions/unknown/deliveries", ADMIN).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/subscriptions/" + subscription + "/deliveries", COORD_BIEVRE)
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/api/subscriptions/" + subscription + "/replay?from=" + clock.instant(), COORD_BIEVRE, "")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void replayResendsWithTheSameWebhookIdAndNumberAndSendsWhatWasNeverPlanned() {
        WebhookReceiver receiver = receiver();
        String subscription = directory.subscribe(EPSM, receiver.url("/hooks"), List.of(newSecret()), REFERRAL_CREATED);
        advanceTo(clock.instant().plusSeconds(60)); // the other tests' events are older than this replay's 'from'
        StoredEvent delivered = storedEvent(REFERRAL_CREATED, EPSM);
        planner.plan(delivered);
        awaitDelivery(subscription, delivered.id(), d -> d.status() == DeliveryStatus.DELIVERED);
        advanceTo(clock.instant().plusSeconds(1));
        StoredEvent neverPlanned = storedEvent(REFERRAL_CREATED, EPSM);
        storedEvent(ALERT_RAISED, EPSM); // another type: not this subscription's
        storedEvent(REFERRAL_CREATED, DAC); // another audience: never

        HttpResponse<String> response = post(
                "/api/subscriptions/" + subscription + "/replay?from="
                        + delivered.time().minusSeconds(1),
                PARTNER_EPSM,
                "");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("replayed").asInt()).isEqualTo(2);
        awaitDelivery(subscription, neverPlanned.id(), d -> d.status() == DeliveryStatus.DELIVERED);
        Delivery again =
                awaitDelivery(subscription, delivered.id(), d -> d.attempts().size() == 2);
        assertThat(again.status()).isEqualTo(DeliveryStatus.DELIVERED);
        awaitReceived(receiver, 3);
        assertThat(receiver.received())
                .filteredOn(r -> r.header("webhook-id").equals(delivered.id()))
                .hasSize(2)
                .extracting(r -> r.header("webhook-event-number"))
                .containsOnly("1");
        assertThat(receiver.received())
                .filteredOn(r -> r.header("webhook-id").equals(neverPlanned.id()))
                .singleElement()
                .satisfies(r -> assertThat(r.header("webhook-event-number")).isEqualTo("2"));
    }

    @Test
    void aReplayAskedWhileTheDeliveryIsBeingSentIsSentAgainAfterThatSend() {
        WebhookReceiver receiver = receiver();
        String subscription = directory.subscribe(EPSM, receiver.url("/hooks"), List.of(newSecret()), "*");
        StoredEvent event = storedEvent(REFERRAL_CREATED, EPSM);
        AtomicBoolean first = new AtomicBoolean(true);
        AtomicReference<String> leasedTo = new AtomicReference<>();
        // The replay lands while the first POST is in flight (its delivery leased by the sending worker).
        receiver.replyWith(request -> {
            if (first.getAndSet(false)) {
                Delivery inFlight = delivery(subscription, event.id());
                leasedTo.set(inFlight.claimedBy());
                store.replay(inFlight.id(), false, clock.instant());
            }
            return WebhookReceiver.Reply.status(204);
        });

        planner.plan(event);

        awaitReceived(receiver, 2);
        assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).containsExactly(event.id(), event.id());
        Delivery replayed = awaitDelivery(
                subscription, event.id(), d -> d.attempts().size() == 2 && d.status() == DeliveryStatus.DELIVERED);
        assertThat(leasedTo.get()).as("leased while in flight").isNotNull();
        assertThat(replayed.attempts()).extracting(DeliveryAttempt::statusCode).containsExactly(204, 204);
        assertThat(replayed.failures()).isZero();
        assertThat(replayed.claimedBy()).isNull();
    }

    @Test
    void replayWhilePausedIsHeldUntilResumed() {
        WebhookReceiver receiver = receiver();
        String subscription = directory.subscribe(EPSM, receiver.url("/hooks"), List.of(newSecret()), "*");
        advanceTo(clock.instant().plusSeconds(60)); // the other tests' events are older than this replay's 'from'
        StoredEvent event = storedEvent(REFERRAL_CREATED, EPSM);
        directory.status(subscription, SubscriptionStatus.PAUSED);

        HttpResponse<String> response =
                post("/api/subscriptions/" + subscription + "/replay?from=" + event.time(), ADMIN, "");

        assertThat(json(response).get("replayed").asInt()).isEqualTo(1);
        assertThat(delivery(subscription, event.id()).status()).isEqualTo(DeliveryStatus.HELD);
        directory.status(subscription, SubscriptionStatus.ACTIVE);
        awaitDelivery(subscription, event.id(), d -> d.status() == DeliveryStatus.DELIVERED);
    }

    @Test
    void replayRefusesABadInstantAndOneBeyondRetention() {
        String subscription = directory.subscribe(EPSM, receiver().url("/hooks"), List.of(newSecret()), "*");
        String replay = "/api/subscriptions/" + subscription + "/replay";

        HttpResponse<String> garbage = post(replay + "?from=yesterday", PARTNER_EPSM, "");
        HttpResponse<String> missing = post(replay, PARTNER_EPSM, "");
        HttpResponse<String> tooOld =
                post(replay + "?from=" + clock.instant().minus(Duration.ofDays(31)), PARTNER_EPSM, "");

        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(json(garbage).get("type").asString()).isEqualTo("urn:maillage:problem:invalid-instant");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(tooOld.statusCode()).isEqualTo(422);
        assertThat(json(tooOld).get("type").asString()).isEqualTo("urn:maillage:problem:beyond-retention");
    }
}
