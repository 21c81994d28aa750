package fr.maillage.alert.alert;

import static fr.maillage.alert.alert.AlertAccessPolicy.View.FULL;
import static fr.maillage.alert.alert.AlertAccessPolicy.View.NONE;
import static fr.maillage.alert.alert.AlertAccessPolicy.View.PARTNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The alert was raised in bievre by the partner system of epsm-bievre. */
class AlertAccessPolicyTests {

    private final Alert alert = AlertFixtures.raised();

    private static Caller caller(
            String institution, String territory, boolean coordinator, boolean clinician, boolean partner) {
        return new Caller("sub", institution, Set.of(territory), coordinator, clinician, partner);
    }

    @Test
    void coordinatorsAndCliniciansOfTheTerritoryAreStaff() {
        Caller coordinator = caller("cpts-bievre", "bievre", true, false, false);
        Caller clinician = caller("msp-bievre", "bievre", false, true, false);

        assertThat(AlertAccessPolicy.view(alert, coordinator)).isEqualTo(FULL);
        assertThat(AlertAccessPolicy.coordinates(alert, coordinator)).isTrue();
        assertThat(AlertAccessPolicy.view(alert, clinician)).isEqualTo(FULL);
        assertThat(AlertAccessPolicy.isStaff(alert, clinician)).isTrue();
        assertThat(AlertAccessPolicy.coordinates(alert, clinician)).isFalse();
    }

    @Test
    void staffOfAnotherTerritorySeeNothing() {
        Caller lyon = caller("ptsm-lyon", "lyon-nord", true, false, false);

        assertThat(AlertAccessPolicy.view(alert, lyon)).isEqualTo(NONE);
        assertThat(AlertAccessPolicy.isStaff(alert, lyon)).isFalse();
    }

    @Test
    void theRaisingPartnerSeesItsOwnPartnerViewAndOtherPartnersNothing() {
        assertThat(AlertAccessPolicy.view(alert, caller("epsm-bievre", "bievre", false, false, true)))
                .isEqualTo(PARTNER);
        assertThat(AlertAccessPolicy.view(alert, caller("dac-lyon", "lyon-nord", false, false, true)))
                .isEqualTo(NONE);
        assertThat(AlertAccessPolicy.view(alert, caller("other-bievre", "bievre", false, false, true)))
                .as("covering the territory is not enough for a partner")
                .isEqualTo(NONE);
    }

    @Test
    void aClinicianOfTheRaisingInstitutionSeesItWholeEvenElsewhere() {
        assertThat(AlertAccessPolicy.view(alert, caller("epsm-bievre", "lyon-nord", false, true, false)))
                .isEqualTo(FULL);
        assertThat(AlertAccessPolicy.isStaff(alert, caller("epsm-bievre", "lyon-nord", false, true, false)))
                .isFalse();
    }

    @Test
    void aCoordinatorOfTheRaisingInstitutionElsewhereSeesNothing() {
        assertThat(AlertAccessPolicy.view(alert, caller("epsm-bievre", "lyon-nord", true, false, false)))
                .isEqualTo(NONE);
    }

    @Test
    void rolesOutsideTheCircuitSeeNothing() {
        Caller steeringOrAdmin = caller("cpts-bievre", "bievre", false, false, false);

        assertThat(AlertAccessPolicy.view(alert, steeringOrAdmin)).isEqualTo(NONE);
        assertThat(AlertAccessPolicy.mayRaiseIn("bievre", steeringOrAdmin)).isFalse();
    }

    @Test
    void raisingNeedsTheTerritoryCovered() {
        assertThat(AlertAccessPolicy.mayRaiseIn("bievre", caller("epsm-bievre", "bievre", false, false, true)))
                .isTrue();
        assertThat(AlertAccessPolicy.mayRaiseIn("lyon-nord", caller("epsm-bievre", "bievre", false, false, true)))
                .isFalse();
        assertThat(AlertAccessPolicy.mayRaiseIn("bievre", caller("msp-bievre", "bievre", false, true, false)))
                .isTrue();
    }
}
