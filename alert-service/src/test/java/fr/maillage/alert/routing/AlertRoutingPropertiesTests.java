package fr.maillage.alert.routing;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import fr.maillage.alert.alert.Urgency;
import fr.maillage.alert.routing.AlertRoutingProperties.Target;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRoutingPropertiesTests {

    @Test
    void everyUrgencyNeedsADefaultTarget() {
        Map<Urgency, Target> targets = new EnumMap<>(Urgency.class);
        for (Urgency urgency : Urgency.values()) {
            targets.put(urgency, new Target(Duration.ofHours(1), null));
        }
        targets.remove(Urgency.G);
        targets.remove(Urgency.E);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AlertRoutingProperties(null, targets, null, null, null))
                .withMessageContaining("maillage.alert.targets.E is missing: every urgency needs a target")
                .withMessageContaining("maillage.alert.targets.G is missing: every urgency needs a target");
    }

    @Test
    void aTargetNeedsExactlyOneKindAndAPositiveAmount() {
        Map<Urgency, Target> targets = new EnumMap<>(Urgency.class);
        for (Urgency urgency : Urgency.values()) {
            targets.put(urgency, new Target(null, 2));
        }
        targets.put(Urgency.A, new Target(null, null));
        targets.put(Urgency.B, new Target(Duration.ZERO, null));
        targets.put(Urgency.C, new Target(null, 0));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AlertRoutingProperties(null, targets, null, null, null))
                .withMessageContaining(
                        "maillage.alert.targets.A: set exactly one of duration or working-days (found neither)")
                .withMessageContaining("maillage.alert.targets.B.duration must be positive")
                .withMessageContaining("maillage.alert.targets.C.working-days must be at least 1");
    }
}
