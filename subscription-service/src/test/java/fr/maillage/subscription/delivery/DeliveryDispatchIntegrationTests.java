package fr.maillage.subscription.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.subscription.WebhookReceiver;
import fr.maillage.subscription.WebhookReceiver.Received;
import fr.maillage.subscription.WebhookReceiver.Reply;
import fr.maillage.subscription.events.StoredEvent;
import fr.maillage.subscription.outbound.DeliveryOutcome;
import fr.maillage.subscription.subscription.SubscriptionStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeliveryDispatchIntegrationTests extends DeliveryIntegrationSupport {

    @Test
    void anEventIsDeliveredOnceToEachMatchingSubscriptionSignedAndNumbered() throws Exception {
        WebhookReceiver epsm = receiver();
        WebhookReceiver dac = receiver();
        String secret = newSecret();
        String epsmSubscription =
                directory.subscribe(EPSM, epsm.url("/hooks"), List.of(secret), "fr.maillage.referral.*");
        String dacSubscription = directory.subscribe(DAC, dac.url("/hooks"), List.of(newSecret()), "*");
        StoredEvent first = storedEvent(REFERRAL_CREATED, EPSM);
        StoredEvent second = storedEvent(REFERRAL_CREATED, EPSM, "cpts-bievre");

        assertThat(planner.plan(first)).isEqualTo(1);
        assertThat(planner.plan(first))
                .as("a redelivered event owes nothing more")
                .isZero();
        assertThat(planner.plan(second)).isEqualTo(1);

        List<Received> received = awaitReceived(epsm, 2);
        assertThat(awaitDelivery(epsmSubscription, second.id(), d -> d.status() == DeliveryStatus.DELIVERED)
                        .eventNumber())
                .isEqualTo(2);
        assertThat(delivery(epsmSubscription, first.id()).eventNumber()).isEqualTo(1);
        assertThat(received).extracting(r -> r.header("webhook-id")).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(received.stream()
                        .filter(r -> r.header("webhook-id").equals(first.id()))
                        .findFirst()
                        .orElseThrow())
                .satisfies(r -> {
                    assertThat(r.bodyText()).isEqualTo(first.cloudEvent());
                    assertThat(r.header("webhook-event-number")).isEqualTo("1");
                    assertThat(r.path()).isEqualTo("/hooks");
                });
        assertAllVerify(epsm, secret);
        assertThat(dac.received()).as("dac-lyon is not in the audience").isEmpty();
        assertThat(store.find(dacSubscription, first.id())).isEmpty();
    }

    @Test
    void retriesAfterServerErrorsThenDeliversRecordingEachAttempt() throws Exception {
        WebhookReceiver receiver = receiver().replySequence(500, 502);
        String secret = newSecret();
        String subscription = directory.subscribe(EPSM, receiver.url("/hooks"), List.of(secret), REFERRAL_CREATED);
        StoredEvent event = storedEvent(REFERRAL_CREATED, EPSM);

        planner.plan(event);
        Delivery afterFirst =
                awaitDelivery(subscription, event.id(), d -> d.attempts().size() == 1);
        assertThat(afterFirst.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(Duration.between(afterFirst.attempts().getFirst().at(), afterFirst.nextAttemptAt()))
                .isBetween(Duration.ofSeconds(4), Duration.ofSeconds(6));

        advanceTo(afterFirst.nextAttemptAt());
        Delivery afterSecond =
                awaitDelivery(subscription, event.id(), d -> d.attempts().size() == 2);
        assertThat(Duration.between(afterSecond.attempts().get(1).at(), afterSecond.nextAttemptAt()))
                .isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));

        advanceTo(afterSecond.nextAttemptAt());
        Delivery delivered = awaitDelivery(subscription, event.id(), d -> d.status() == DeliveryStatus.DELIVERED);

        assertThat(delivered.attempts()).extracting(DeliveryAttempt::statusCode).containsExactly(500, 502, 204);
        assertThat(delivered.attempts())
                .extracting(DeliveryAttempt::outcome)
                .containsExactly(DeliveryOutcome.FAILED, DeliveryOutcome.FAILED, DeliveryOutcome.DELIVERED);
        assertThat(delivered.attempts())
                .allSatisfy(a -> assertThat(a.latencyMs()).isNotNegative());
        assertThat(receiver.received())
                .hasSize(3)
                .extracting(r -> r.header("webhook-id"))
                .containsOnly(event.id());
        assertThat(receiver.received())
                .extracting(r -> r.header("webhook-event-number"))
                .containsOnly("1");
        assertThat(directory.outcomes(subscription))
                .extracting(FakeSubscriptionDirectory.Outcome::outcome)
                .containsExactly(DeliveryOutcome.FAILED, DeliveryOutcome.FAILED, DeliveryOutcome.DELIVERED);
        assertAllVerify(receiver, secret);
    }

    @Test
    void goneDisablesTheSubscriptionAndNothingMoreIsSent() throws Exception {
        WebhookReceiver receiver = receiver().replyWith(request -> Reply.status(410));
        String subscription = directory.subscribe(EPSM, receiver.url("/hooks"), List.of(newSecret()), "*");
        directory.status(subscription, SubscriptionStatus.PAUSED);
        StoredEvent first = storedEvent(ALERT_RAISED, EPSM);
        StoredEvent second = storedEvent(ALERT_RAISED, EPSM);
        planner.plan(first);
        planner.plan(second);
        assertThat(delivery(subscription, first.id()).status()).isEqualTo(DeliveryStatus.HELD);

        directory.status(subscription, SubscriptionStatus.ACTIVE);

        Delivery gone = awaitDelivery(subscription, first.id(), d -> d.status() == DeliveryStatus.FAILED);
        Delivery cancelled = awaitDelivery(subscription, second.id(), d -> d.status() == DeliveryStatus.CANCELLED);
        assertThat(gone.statusReason()).isEqualTo("gone");
        assertThat(gone.attempts()).extracting(DeliveryAttempt::statusCode).containsExactly(410);
        assertThat(cancelled.attempts()).isEmpty();
        assertThat(cancelled.statusReason()).isEqualTo("subscription-disabled");
        assertThat(directory.outcomes(subscription))
                .extracting(FakeSubscriptionDirectory.Outcome::outcome)
                .containsExactly(DeliveryOutcome.GONE);
        assertThat(directory.target(subscription).orElseThrow().status()).isEqualTo(SubscriptionStatus.DISABLED);
        assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).containsExactly(first.id());
    }

    @Test
    void heldDeliveriesAreSentInOrderOnceTheSubscriptionIsActiveAgain() {
        WebhookReceiver receiver = receiver();
        String subscription = directory.subscribe(EPSM, receiver.url("/hooks"), List.of(newSecret()), "*");
        directory.status(subscription, SubscriptionStatus.PAUSED);
        List<StoredEvent> events = List.of(
                storedEvent(REFERRAL_CREATED, EPSM),
                storedEvent(ALERT_RAISED, EPSM),
                storedEvent(REFERRAL_CREATED, EPSM));
        events.forEach(planner::plan);

        directory.status(subscription, SubscriptionStatus.ACTIVE);

        awaitReceived(receiver, 3);
        assertThat(receiver.received())
                .extracting(r -> r.header("webhook-id"))
                .containsExactly(events.stream().map(StoredEvent::id).toArray(String[]::new));
        assertThat(receiver.received())
                .extracting(r -> r.header("webhook-event-number"))
                .containsExactly("1", "2", "3");
    }

    @Test
    void aPauseWhileAGroupIsBeingSentHoldsTheRestOfTheGroup() {
        WebhookReceiver receiver = receiver();
        String subscription = directory.subscribe(EPSM, receiver.url("/hooks"), List.of(newSecret()), "*");
        directory.status(subscription, SubscriptionStatus.PAUSED);
        List<StoredEvent> events = List.of(
                storedEvent(REFERRAL_CREATED, EPSM),
                storedEvent(ALERT_RAISED, EPSM),
                storedEvent(REFERRAL_CREATED, EPSM));
        events.forEach(planner::plan);
        // the partner pauses while the first of the three (released together, one group) is being received
        receiver.replyWith(request -> {
            directory.status(subscription, SubscriptionStatus.PAUSED);
            return Reply.status(204);
        });

        directory.status(subscription, SubscriptionStatus.ACTIVE);

        awaitDelivery(subscription, events.get(2).id(), d -> d.status() == DeliveryStatus.HELD);
        assertThat(delivery(subscription, events.get(1).id()).status()).isEqualTo(DeliveryStatus.HELD);
        assertThat(delivery(subscription, events.get(0).id()).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(receiver.received())
                .extracting(r -> r.header("webhook-id"))
                .containsExactly(events.getFirst().id());
    }

    @Test
    void aDeletedSubscriptionsPendingDeliveriesAreCancelled() {
        WebhookReceiver receiver = receiver().replySequence(500);
        String subscription = directory.subscribe(EPSM, receiver.url("/hooks"), List.of(newSecret()), "*");
        StoredEvent event = storedEvent(REFERRAL_CREATED, EPSM);
        planner.plan(event);
        Delivery failedOnce =
                awaitDelivery(subscription, event.id(), d -> d.attempts().size() == 1);

        directory.delete(subscription);
        advanceTo(failedOnce.nextAttemptAt());

        Delivery cancelled = awaitDelivery(subscription, event.id(), d -> d.status() == DeliveryStatus.CANCELLED);
        assertThat(cancelled.statusReason()).isEqualTo("subscription-deleted");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void retryAfterIsHonouredOnTooManyRequests() {
        WebhookReceiver receiver = receiver();
        receiver.replyWith(request -> receiver.received().size() == 1
                ? Reply.status(429).withHeader("Retry-After", "120")
                : Reply.status(204));
        String subscription = directory.subscribe(EPSM, receiver.url("/hooks"), List.of(newSecret()), "*");
        StoredEvent event = storedEvent(REFERRAL_CREATED, EPSM);

        planner.plan(event);
        Delivery throttled =
                awaitDelivery(subscription, event.id(), d -> d.attempts().size() == 1);
        DeliveryAttempt first = throttled.attempts().getFirst();
        assertThat(first.outcome()).isEqualTo(DeliveryOutcome.THROTTLED);
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(throttled.nextAttemptAt()).isEqualTo(first.at().plusSeconds(120));
        advanceTo(first.at().plusSeconds(119));
        assertThat(store.due(clock.instant(), 1000)).extracting(Delivery::id).doesNotContain(throttled.id());

        advanceTo(first.at().plusSeconds(120));
        Delivery delivered = awaitDelivery(subscription, event.id(), d -> d.status() == DeliveryStatus.DELIVERED);

        assertThat(delivered.attempts().get(1).at()).isAfterOrEqualTo(first.at().plusSeconds(120));
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void aRedirectIsNotFollowed() {
        WebhookReceiver elsewhere = receiver();
        WebhookReceiver receiver = receiver()
                .replyWith(request -> Reply.status(307)
                        .withHeader("Location", elsewhere.url("/stolen").toString()));
        String subscription = directory.subscribe(EPSM, receiver.url("/hooks"), List.of(newSecret()), "*");
        StoredEvent event = storedEvent(REFERRAL_CREATED, EPSM);

        planner.plan(event);
        Delivery redirected =
                awaitDelivery(subscription, event.id(), d -> d.attempts().size() == 1);

        assertThat(redirected.attempts().getFirst()).satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo(DeliveryOutcome.FAILED);
            assertThat(attempt.statusCode()).isEqualTo(307);
            assertThat(attempt.error()).startsWith("redirect-not-followed");
        });
        assertThat(redirected.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(receiver.received()).hasSize(1);
        assertThat(elsewhere.received()).isEmpty();
    }

    @Test
    void aReceiverTooSlowToAnswerIsUnreachableAndTriedAgain() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        WebhookReceiver receiver = receiver();
        receiver.replyWith(request -> {
            if (receiver.received().size() == 1) {
                try {
                    slow.await(10, TimeUnit.SECONDS); // longer than the test timeout (1 s)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Reply.status(204);
        });
        String secret = newSecret();
        String subscription = directory.subscribe(EPSM, receiver.url("/hooks"), List.of(secret), "*");
        StoredEvent event = storedEvent(REFERRAL_CREATED, EPSM);

        try {
            planner.plan(event);
            Delivery timedOut =
                    awaitDelivery(subscription, event.id(), d -> d.attempts().size() == 1);
            assertThat(timedOut.attempts().getFirst()).satisfies(attempt -> {
                assertThat(attempt.outcome()).isEqualTo(DeliveryOutcome.UNREACHABLE);
                assertThat(attempt.statusCode()).isNull();
                assertThat(attempt.error()).isEqualTo("timeout");
                assertThat(attempt.latencyMs()).isBetween(900L, 5_000L);
            });
            assertThat(timedOut.status()).isEqualTo(DeliveryStatus.PENDING);
            advanceTo(timedOut.nextAttemptAt());
        } finally {
            slow.countDown();
        }

        awaitDelivery(subscription, event.id(), d -> d.status() == DeliveryStatus.DELIVERED);
        assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).containsOnly(event.id());
        assertAllVerify(receiver, secret);
    }

    @Test
    void theLastFailedAttemptLeavesTheDeliveryFailedAndKept() {
        WebhookReceiver receiver = receiver().replyWith(request -> Reply.status(500));
        String subscription = directory.subscribe(EPSM, receiver.url("/hooks"), List.of(newSecret()), "*");
        StoredEvent event = storedEvent(REFERRAL_CREATED, EPSM);

        planner.plan(event);
        for (int attempts = 1; attempts <= 9; attempts++) {
            int made = attempts;
            Delivery pending =
                    awaitDelivery(subscription, event.id(), d -> d.attempts().size() == made);
            assertThat(pending.status()).isEqualTo(DeliveryStatus.PENDING);
            advanceTo(pending.nextAttemptAt());
        }
        Delivery failed = awaitDelivery(subscription, event.id(), d -> d.status() == DeliveryStatus.FAILED);

        assertThat(failed.attempts()).hasSize(10);
        assertThat(failed.statusReason()).isEqualTo("attempts-exhausted");
        assertThat(receiver.received()).hasSize(10);
    }

    @Test
    void aDeliveryNotYetNumberedByItsPlannerIsNotSentSoTheNumbersHaveNoGap() {
        String subscription = directory.subscribe(EPSM, receiver().url("/hooks"), List.of(newSecret()), "*");
        StoredEvent event = storedEvent(REFERRAL_CREATED, EPSM);
        java.time.Instant now = clock.instant();
        Delivery inserted = Delivery.owed(
                java.util.UUID.randomUUID().toString(),
                subscription,
                event.id(),
                event.type(),
                event.time(),
                event.cloudEvent(),
                false,
                now);
        assertThat(store.insertIfAbsent(inserted)).isTrue();

        assertThat(store.due(now, 1000)).extracting(Delivery::id).doesNotContain(inserted.id());
        assertThat(store.due(now.plus(DeliveryStore.UNNUMBERED_GRACE).plusMillis(1), 1000))
                .as("its planner died before numbering it: the dispatcher numbers and sends it")
                .extracting(Delivery::id)
                .contains(inserted.id());

        store.number(inserted.id(), directory.nextEventNumber(subscription));
        assertThat(store.due(now, 1000)).extracting(Delivery::id).contains(inserted.id());
    }
}
