package fr.maillage.subscription.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.platform.testing.MutableClock;
import fr.maillage.subscription.eventtype.EventTypePattern;
import fr.maillage.subscription.outbound.DeliveryOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The health rules of a subscription (FAILING, DISABLED, GONE) and its status steps, with a clock. */
class SubscriptionHealthTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));
    private final HealthPolicy policy = new HealthPolicy(3, Duration.ofDays(5));

    private Subscription active() {
        Subscription subscription = Subscription.request(
                "s-1",
                "epsm-bievre",
                0,
                EventTypePattern.parseAll(List.of("fr.maillage.referral.*")),
                "https://partner.example/hooks",
                null,
                "sealed",
                clock.instant());
        subscription.verified(clock.instant());
        return subscription;
    }

    private void fail(Subscription subscription) {
        subscription.recordOutcome(DeliveryOutcome.FAILED, "HTTP 500", clock.instant(), policy);
    }

    @Test
    void failuresBelowTheThresholdKeepItActiveButCountTheStreak() {
        Subscription subscription = active();

        fail(subscription);
        clock.advance(Duration.ofMinutes(5));
        fail(subscription);

        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(subscription.failureStreak()).isEqualTo(2);
        assertThat(subscription.lastError().message()).contains("HTTP 500");
        assertThat(subscription.lastError().at()).isEqualTo(clock.instant());
    }

    @Test
    void theThirdConsecutiveFailureMakesItFailingWithAReason() {
        Subscription subscription = active();

        fail(subscription);
        fail(subscription);
        subscription.recordOutcome(DeliveryOutcome.UNREACHABLE, "connect timed out", clock.instant(), policy);

        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.FAILING);
        assertThat(subscription.statusReason()).isEqualTo(HealthPolicy.CONSECUTIVE_FAILURES);
        assertThat(subscription.failureStreak()).isEqualTo(3);
    }

    @Test
    void aDeliveryEndsTheStreakAndBringsAFailingSubscriptionBack() {
        Subscription subscription = active();
        fail(subscription);
        fail(subscription);
        fail(subscription);
        clock.advance(Duration.ofHours(1));

        subscription.recordOutcome(DeliveryOutcome.DELIVERED, null, clock.instant(), policy);

        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(subscription.statusReason()).isNull();
        assertThat(subscription.failureStreak()).isZero();
        assertThat(subscription.lastDeliveredAt()).isEqualTo(clock.instant());
    }

    @Test
    void aStreakThatLastsTheDisableDelayDisablesIt() {
        Subscription subscription = active();
        fail(subscription);
        fail(subscription);
        fail(subscription);
        clock.advance(Duration.ofDays(5).minusMinutes(1));
        fail(subscription);
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.FAILING);

        clock.advance(Duration.ofMinutes(1));
        fail(subscription);

        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.DISABLED);
        assertThat(subscription.statusReason()).isEqualTo(HealthPolicy.FAILING_TOO_LONG);
    }

    @Test
    void aLongStreakOfFewerFailuresThanTheThresholdDoesNotDisable() {
        Subscription subscription = active();
        fail(subscription);
        clock.advance(Duration.ofDays(6));

        fail(subscription);

        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Test
    void goneDisablesAtOnce() {
        Subscription subscription = active();

        subscription.recordOutcome(DeliveryOutcome.GONE, null, clock.instant(), policy);

        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.DISABLED);
        assertThat(subscription.statusReason()).isEqualTo(HealthPolicy.GONE);
        assertThat(subscription.lastError().statusCode()).isEqualTo(410);
    }

    @Test
    void aPausedSubscriptionStaysPausedOnFailuresButGoneDisablesIt() {
        Subscription subscription = active();
        subscription.pause();
        fail(subscription);
        fail(subscription);
        fail(subscription);
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.PAUSED);

        subscription.recordOutcome(DeliveryOutcome.GONE, null, clock.instant(), policy);

        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.DISABLED);
    }

    @Test
    void lateOutcomesDoNotTouchADisabledSubscription() {
        Subscription subscription = active();
        subscription.recordOutcome(DeliveryOutcome.GONE, null, clock.instant(), policy);

        boolean changed = subscription.recordOutcome(DeliveryOutcome.DELIVERED, null, clock.instant(), policy);

        assertThat(changed).isFalse();
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.DISABLED);
    }

    @Test
    void pauseAndResumeFollowTheAllowedTransitionsOnly() {
        Subscription requested = Subscription.request(
                "s-2",
                "dac-lyon",
                0,
                EventTypePattern.parseAll(List.of("*")),
                "https://x.example/",
                null,
                "sealed",
                clock.instant());
        assertThatThrownBy(requested::pause).isInstanceOf(IllegalSubscriptionTransition.class);
        assertThatThrownBy(requested::resume).isInstanceOf(IllegalSubscriptionTransition.class);

        Subscription subscription = active();
        assertThatThrownBy(subscription::resume).isInstanceOf(IllegalSubscriptionTransition.class);
        subscription.pause();
        assertThatThrownBy(subscription::pause).isInstanceOf(IllegalSubscriptionTransition.class);
        subscription.resume();
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Test
    void theRotatedOutSecretSignsOnlyDuringTheOverlap() {
        Subscription subscription = active();

        subscription.rotateSecret("sealed-2", clock.instant(), Duration.ofDays(1));

        assertThat(subscription.sealedSigningSecrets(clock.instant())).containsExactly("sealed-2", "sealed");
        clock.advance(Duration.ofDays(1));
        assertThat(subscription.sealedSigningSecrets(clock.instant())).containsExactly("sealed-2");
    }

    @Test
    void healthPolicyRefusesNonsense() {
        assertThatThrownBy(() -> new HealthPolicy(0, Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HealthPolicy(3, Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
