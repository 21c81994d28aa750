package fr.maillage.workshop.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FacilitatorsTests {

    private static final String PSY_DURAND = "6f1c1a3e-0001-4000-8000-000000000004";
    private static final String IDE_BERNARD = "6f1c1a3e-0001-4000-8000-000000000005";

    @Test
    void twoDistinctFacilitatorsCoFacilitate() {
        Facilitators facilitators = Facilitators.of(List.of(PSY_DURAND, IDE_BERNARD));

        assertThat(facilitators.ids()).containsExactly(PSY_DURAND, IDE_BERNARD);
        assertThat(facilitators.includes(IDE_BERNARD)).isTrue();
        assertThat(facilitators.includes("someone-else")).isFalse();
    }

    @Test
    void oneFacilitatorIsNotEnough() {
        assertThatThrownBy(() -> Facilitators.of(List.of(PSY_DURAND)))
                .isInstanceOfSatisfying(
                        GroupRuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo("two-distinct-facilitators"))
                .hasMessageContaining("exactly two distinct facilitators");
    }

    @Test
    void threeFacilitatorsAreTooMany() {
        assertThatThrownBy(() -> Facilitators.of(List.of(PSY_DURAND, IDE_BERNARD, "third")))
                .isInstanceOf(GroupRuleViolation.class)
                .hasMessageContaining("3 given");
    }

    @Test
    void theSameFacilitatorTwiceIsOnlyOne() {
        assertThatThrownBy(() -> Facilitators.of(List.of(PSY_DURAND, PSY_DURAND)))
                .isInstanceOf(GroupRuleViolation.class)
                .hasMessageContaining("named twice");
    }

    @Test
    void aBlankOrMissingFacilitatorIsRefused() {
        assertThatThrownBy(() -> Facilitators.of(List.of(PSY_DURAND, " "))).isInstanceOf(GroupRuleViolation.class);
        assertThatThrownBy(() -> Facilitators.of(Arrays.asList(PSY_DURAND, null)))
                .isInstanceOf(GroupRuleViolation.class);
        assertThatThrownBy(() -> Facilitators.of(null)).isInstanceOf(GroupRuleViolation.class);
    }
}
