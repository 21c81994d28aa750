package fr.maillage.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.evaluation.report.ReportAccess.Decision;
import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportAccessTests {

    private static CurrentUser user(Set<Role> roles, String... territories) {
        return new CurrentUser("u", "u", roles, "inst", Set.of(territories), null, "console");
    }

    @Test
    void steeringMembersAndCoordinatorsReadTheirTerritorysFiguresOnly() {
        assertThat(ReportAccess.decide(user(Set.of(Role.STEERING), "bievre"), "bievre"))
                .isEqualTo(Decision.ALLOWED);
        assertThat(ReportAccess.decide(user(Set.of(Role.COORDINATOR), "bievre"), "bievre"))
                .isEqualTo(Decision.ALLOWED);
        assertThat(ReportAccess.decide(user(Set.of(Role.COORDINATOR), "lyon-nord"), "bievre"))
                .isEqualTo(Decision.OUT_OF_SCOPE);
        assertThat(ReportAccess.decide(user(Set.of(Role.STEERING), "lyon-nord"), "bievre"))
                .isEqualTo(Decision.OUT_OF_SCOPE);
    }

    @Test
    void adminsReadEveryTerritorys() {
        assertThat(ReportAccess.decide(user(Set.of(Role.ADMIN)), "anywhere")).isEqualTo(Decision.ALLOWED);
    }

    @Test
    void cliniciansFacilitatorsAndPartnersNeverReadFiguresEvenOfTheirTerritory() {
        assertThat(ReportAccess.decide(user(Set.of(Role.CLINICIAN), "bievre"), "bievre"))
                .isEqualTo(Decision.FORBIDDEN);
        assertThat(ReportAccess.decide(user(Set.of(Role.FACILITATOR, Role.CLINICIAN), "bievre"), "bievre"))
                .isEqualTo(Decision.FORBIDDEN);
        assertThat(ReportAccess.decide(user(Set.of(Role.PARTNER), "bievre"), "bievre"))
                .isEqualTo(Decision.FORBIDDEN);
        assertThat(ReportAccess.decide(user(Set.of(Role.PARTNER), "bievre"), "lyon-nord"))
                .isEqualTo(Decision.FORBIDDEN);
    }
}
