package fr.maillage.subscription.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DueDeliveriesOrderTests {

    private static final Instant HELD_AT = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void heldDeliveriesReleasedByAPollGoBeforeAnEventPlannedJustBeforeIt() {
        // due() sorts by due time: an event planned after the resume but before the releasing poll may come first
        List<Delivery> due = List.of(
                delivery("epsm", 3L, HELD_AT.plusSeconds(60)),
                delivery("dac", 7L, HELD_AT),
                delivery("epsm", 1L, HELD_AT),
                delivery("epsm", 2L, HELD_AT));

        Map<String, List<Delivery>> groups = DeliveryDispatcher.bySubscription(due);

        assertThat(groups.get("epsm")).extracting(Delivery::eventNumber).containsExactly(1L, 2L, 3L);
        assertThat(groups.get("dac")).extracting(Delivery::eventNumber).containsExactly(7L);
    }

    @Test
    void aDeliveryItsPlannerNeverNumberedGoesLast() {
        List<Delivery> due = List.of(delivery("epsm", null, HELD_AT), delivery("epsm", 4L, HELD_AT.plusSeconds(1)));

        assertThat(DeliveryDispatcher.bySubscription(due).get("epsm"))
                .extracting(Delivery::eventNumber)
                .containsExactly(4L, null);
    }

    private static Delivery delivery(String subscriptionId, Long number, Instant due) {
        return new Delivery(
                subscriptionId + "-" + number,
                subscriptionId,
                "event-" + number,
                "fr.maillage.referral.accepted.v1",
                due,
                number,
                "{}",
                DeliveryStatus.PENDING,
                null,
                due,
                due,
                null,
                0,
                List.of(),
                null,
                null);
    }
}
