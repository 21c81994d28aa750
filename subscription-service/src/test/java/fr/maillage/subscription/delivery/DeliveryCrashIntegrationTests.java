package fr.maillage.subscription.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.maillage.platform.testing.MutableClock;
import fr.maillage.subscription.SubscriptionServiceApplication;
import fr.maillage.subscription.WebhookReceiver;
import fr.maillage.subscription.WebhookReceiver.Reply;
import fr.maillage.subscription.events.DeliveryPlanner;
import fr.maillage.subscription.events.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

class DeliveryCrashIntegrationTests extends DeliveryIntegrationSupport {

    /** The crashing instance's lease on a delivery. */
    private static final Duration LEASE = Duration.ofMinutes(1);

    @Test
    void anInstanceStoppingMidDeliveryLosesNothingAnotherSendsItAgainWithTheSameWebhookId() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        WebhookReceiver receiver = receiver();
        receiver.replyWith(request -> {
            if (receiver.received().size() == 1) {
                try {
                    holding.await(20, TimeUnit.SECONDS); // holds the first request while its sender stops
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Reply.status(204);
        });
        String secret = newSecret();
        String subscription = directory.subscribe(EPSM, receiver.url("/hooks"), List.of(secret), "*");
        StoredEvent event = storedEvent(REFERRAL_CREATED, EPSM);
        // The other instance runs an hour ahead, so the delivery it plans is not yet due for this one.
        MutableClock ahead = new MutableClock(clock.instant().plus(Duration.ofHours(1)));
        Instant leaseEnd;

        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(
                        SubscriptionServiceApplication.class, DeliveryTestPorts.class)
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean(
                                "aheadTestClock",
                                MutableClock.class,
                                () -> ahead,
                                definition -> definition.setPrimary(true)))
                .run(
                        "--server.port=0",
                        "--spring.kafka.listener.auto-startup=false",
                        "--" + DATABASE_PROPERTY + "=" + DATABASE,
                        "--maillage.subscription.outbound.allow-loopback=true",
                        "--maillage.subscription.delivery.poll-interval=PT0.1S",
                        "--maillage.subscription.delivery.timeout=PT30S",
                        "--maillage.subscription.delivery.lease=" + LEASE)) {
            other.getBean(DeliveryPlanner.class).plan(event);
            awaitReceived(receiver, 1);
            Delivery inFlight = delivery(subscription, event.id());
            assertThat(inFlight.claimedBy()).isNotNull();
            assertThat(inFlight.attempts()).isEmpty();
            leaseEnd = inFlight.claimedUntil();
            assertThat(leaseEnd).isEqualTo(ahead.instant().plus(LEASE));
        } finally {
            holding.countDown();
        }

        // Stopped while the receiver held the request: nothing recorded, the lease stays until it expires.
        Delivery orphan = delivery(subscription, event.id());
        assertThat(orphan.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(orphan.attempts()).isEmpty();
        assertThat(orphan.claimedUntil()).isEqualTo(leaseEnd);

        advanceTo(leaseEnd.plusMillis(1));
        Delivery delivered = awaitDelivery(subscription, event.id(), d -> d.status() == DeliveryStatus.DELIVERED);

        assertThat(delivered.attempts()).extracting(DeliveryAttempt::statusCode).containsExactly(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() >= 2);
        assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).containsOnly(event.id());
        assertThat(receiver.received())
                .extracting(r -> r.header("webhook-event-number"))
                .containsOnly("1");
        assertAllVerify(receiver, secret);
    }
}
