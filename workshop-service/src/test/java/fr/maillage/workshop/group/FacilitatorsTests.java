package fr.maillage.workshop.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FacilitatorsTests {

    private static final Facilitator PSY_DURAND =
            new Facilitator("6f1c1a3e-0001-4000-8000-000000000004", "clinical-psychologist");
    private static final Facilitator IDE_BERNARD = new Facilitator("6f1c1a3e-0001-4000-8000-000000000005", "nurse");

    @Test
    void twoDistinctFacilitatorsCoFacilitate() {
        Facilitators facilitators = Facilitators.of(List.of(PSY_DURAND, IDE_BERNARD));

        assertThat(facilitators.ids()).containsExactly(PSY_DURAND.id(), IDE_BERNARD.id());
        assertThat(facilitators.asList())
                .extracting(Facilitator::profession)
                .containsExactly("clinical-psychologist", "nurse");
        assertThat(facilitators.includes(IDE_BERNARD.id())).isTrue();
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
        assertThatThrownBy(() -> Facilitators.of(List.of(PSY_DURAND, IDE_BERNARD, new Facilitator("third", "nurse"))))
                .isInstanceOf(GroupRuleViolation.class)
                .hasMessageContaining("3 given");
    }

    @Test
    void theSameFacilitatorTwiceIsOnlyOneWhateverTheProfessionSaid() {
        assertThatThrownBy(() -> Facilitators.of(List.of(PSY_DURAND, new Facilitator(PSY_DURAND.id() + " ", "nurse"))))
                .isInstanceOf(GroupRuleViolation.class)
                .hasMessageContaining("named twice");
    }

    @Test
    void aBlankOrMissingFacilitatorIsRefused() {
        assertThatThrownBy(() -> new Facilitator(" ", "nurse"))
                .isInstanceOfSatisfying(
                        GroupRuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo("two-distinct-facilitators"));
        assertThatThrownBy(() -> Facilitators.of(Arrays.asList(PSY_DURAND, null)))
                .isInstanceOf(GroupRuleViolation.class);
        assertThatThrownBy(() -> Facilitators.of(null)).isInstanceOf(GroupRuleViolation.class);
    }

    @Test
    void aFacilitatorComesWithTheirProfession() {
        assertThatThrownBy(() -> new Facilitator("psy", " ")).isInstanceOf(GroupRuleViolation.class);
    }
}
