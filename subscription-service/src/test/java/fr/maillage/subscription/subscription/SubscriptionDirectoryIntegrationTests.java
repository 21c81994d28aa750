package fr.maillage.subscription.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.subscription.WebhookReceiver;
import fr.maillage.subscription.outbound.DeliveryOutcome;
import fr.maillage.subscription.subscription.SubscriptionDirectory.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What delivery reads and tells: matching by type AND audience, event numbers, health from outcomes. */
class SubscriptionDirectoryIntegrationTests extends SubscriptionApiSupport {

    private static final String SUBMITTED = "fr.maillage.referral.submitted.v1";

    @Test
    void anEventMatchesOnlySubscriptionsOfInstitutionsInItsAudience() {
        String epsm = subscribe(PARTNER_EPSM, receiver(), "fr.maillage.referral.*")
                .get("id")
                .asString();
        String dac = subscribe(PARTNER_DAC, receiver(), "fr.maillage.referral.*")
                .get("id")
                .asString();

        List<String> forDac = ids(directory.matching(SUBMITTED, Set.of(DAC)));
        List<String> forBoth = ids(directory.matching(SUBMITTED, Set.of(DAC, EPSM, "cpts-bievre")));
        List<String> forNobody = ids(directory.matching(SUBMITTED, Set.of()));

        assertThat(forDac).contains(dac).doesNotContain(epsm);
        assertThat(forBoth).contains(dac, epsm);
        assertThat(forNobody).isEmpty();
        assertThat(directory.matching(SUBMITTED, Set.of(DAC)))
                .allSatisfy(target -> assertThat(target.institution()).isEqualTo(DAC));
    }

    @Test
    void anEventMatchesOnlySubscriptionsWhosePatternsWantItsType() {
        WebhookReceiver receiver = receiver();
        String referrals = subscribe(PARTNER_EPSM, receiver, "fr.maillage.referral.*")
                .get("id")
                .asString();
        String responded = subscribe(PARTNER_EPSM, receiver, "fr.maillage.alert.responded.v1")
                .get("id")
                .asString();
        String everything = subscribe(PARTNER_EPSM, receiver, "*").get("id").asString();

        assertThat(ids(directory.matching(SUBMITTED, Set.of(EPSM))))
                .contains(referrals, everything)
                .doesNotContain(responded);
        assertThat(ids(directory.matching("fr.maillage.alert.responded.v1", Set.of(EPSM))))
                .contains(responded, everything)
                .doesNotContain(referrals);
        assertThat(ids(directory.matching("fr.maillage.alert.raised.v1", Set.of(EPSM))))
                .contains(everything)
                .doesNotContain(referrals, responded);
    }

    @Test
    void pausedAndFailingSubscriptionsMatchButRequestedAndDisabledOnesDoNot() {
        // a type nobody publishes: another class's late event cannot reach (and change) these subscriptions
        String type = onlyHere();
        String paused = subscribe(PARTNER_DAC, receiver(), type).get("id").asString();
        String requested = subscribe(PARTNER_DAC, receiver().replySequence(500), type)
                .get("id")
                .asString();
        String disabled = subscribe(PARTNER_DAC, receiver(), type).get("id").asString();
        assertThat(step(SUBSCRIPTIONS + "/" + paused + "/pause", PARTNER_DAC).statusCode())
                .isEqualTo(200);
        directory.recordOutcome(disabled, DeliveryOutcome.GONE, "HTTP 410", clock.instant());

        List<Target> matching = directory.matching(type, Set.of(DAC));

        assertThat(ids(matching)).contains(paused).doesNotContain(requested, disabled);
        assertThat(matching.stream().filter(target -> target.subscriptionId().equals(paused)))
                .singleElement()
                .satisfies(target -> assertThat(target.status()).isEqualTo(SubscriptionStatus.PAUSED));
    }

    @Test
    void aTargetCarriesTheCallbackAndTheSecretInClear() {
        WebhookReceiver receiver = receiver();
        JsonNode created = subscribe(PARTNER_EPSM, receiver, "fr.maillage.referral.*");

        Target target = directory.target(created.get("id").asString()).orElseThrow();

        assertThat(target.callback()).isEqualTo(receiver.url("/hooks"));
        assertThat(target.institution()).isEqualTo(EPSM);
        assertThat(target.signingSecrets())
                .containsExactly(created.get("signingSecret").asString());
        assertThat(target.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(directory.target(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void eventNumbersAreDistinctAndConsecutiveUnderConcurrency() throws Exception {
        String id = subscribe(PARTNER_EPSM, receiver(), "fr.maillage.referral.*")
                .get("id")
                .asString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Long> numbers = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Callable<Void>> takers = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                takers.add(() -> {
                    for (int i = 0; i < 25; i++) {
                        numbers.add(directory.nextEventNumber(id));
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(takers)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(numbers).hasSize(200).doesNotHaveDuplicates();
        assertThat(numbers)
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(directory.nextEventNumber(id)).isEqualTo(201);
        String other = subscribe(PARTNER_EPSM, receiver(), "fr.maillage.referral.*")
                .get("id")
                .asString();
        assertThat(directory.nextEventNumber(other)).isEqualTo(1);
    }

    @Test
    void repeatedFailuresShowTheSubscriptionFailingThenADeliveryBringsItBack() {
        String id = subscribe(PARTNER_EPSM, receiver(), "fr.maillage.referral.*")
                .get("id")
                .asString();
        String path = SUBSCRIPTIONS + "/" + id;

        for (int i = 0; i < 3; i++) {
            directory.recordOutcome(id, DeliveryOutcome.FAILED, "HTTP 500", clock.instant());
        }
        JsonNode failing = json(get(path, PARTNER_EPSM));
        clock.advance(Duration.ofMinutes(1));
        directory.recordOutcome(id, DeliveryOutcome.DELIVERED, null, clock.instant());
        JsonNode healed = json(get(path, PARTNER_EPSM));

        assertThat(failing.get("status").asString()).isEqualTo("FAILING");
        assertThat(failing.get("statusReason").asString()).isEqualTo("consecutive-failures");
        assertThat(failing.get("failureStreak").asInt()).isEqualTo(3);
        assertThat(failing.get("lastError").get("message").asString()).contains("HTTP 500");
        assertThat(healed.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(healed.get("failureStreak").asInt()).isZero();
        assertThat(healed.get("lastDeliveredAt").asString())
                .isEqualTo(clock.instant().toString());
    }

    @Test
    void concurrentOutcomesAreAllCounted() throws Exception {
        // a type nobody publishes: a real delivery (DELIVERED resets the streak) cannot interfere
        String type = onlyHere();
        String id = subscribe(PARTNER_DAC, receiver(), type).get("id").asString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> outcomes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                outcomes.add(() -> {
                    directory.recordOutcome(id, DeliveryOutcome.UNREACHABLE, "timeout", clock.instant());
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(outcomes)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(json(get(SUBSCRIPTIONS + "/" + id, PARTNER_DAC))
                        .get("failureStreak")
                        .asInt())
                .isEqualTo(8);
    }

    private static String onlyHere() {
        return "fr.maillage.referral.directory-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
    }

    private static List<String> ids(List<Target> targets) {
        return targets.stream().map(Target::subscriptionId).toList();
    }
}
