package fr.maillage.evaluation.indicator;

import static fr.maillage.evaluation.indicator.FigureAccess.ALLOWED;
import static fr.maillage.evaluation.indicator.FigureAccess.FORBIDDEN;
import static fr.maillage.evaluation.indicator.FigureAccess.OUT_OF_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FigureAccessTests {

    private static CurrentUser user(Set<Role> roles, String... territories) {
        return new CurrentUser("u", "u", roles, "inst", Set.of(territories), null, "console");
    }

    @Test
    void steeringMembersAndCoordinatorsReadTheirTerritoriesFiguresOnly() {
        assertThat(FigureAccess.toRead(user(Set.of(Role.STEERING), "bievre"), "bievre"))
                .isEqualTo(ALLOWED);
        assertThat(FigureAccess.toRead(user(Set.of(Role.COORDINATOR), "bievre"), "bievre"))
                .isEqualTo(ALLOWED);
        assertThat(FigureAccess.toRead(user(Set.of(Role.COORDINATOR), "lyon-nord"), "bievre"))
                .isEqualTo(OUT_OF_SCOPE);
        assertThat(FigureAccess.toRead(user(Set.of(Role.ADMIN)), "anywhere")).isEqualTo(ALLOWED);
    }

    @Test
    void rolesThatNeverReadFiguresAreForbiddenEvenOnTheirTerritory() {
        assertThat(FigureAccess.toRead(user(Set.of(Role.CLINICIAN), "bievre"), "bievre"))
                .isEqualTo(FORBIDDEN);
        assertThat(FigureAccess.toRead(user(Set.of(Role.FACILITATOR, Role.CLINICIAN), "bievre"), "bievre"))
                .isEqualTo(FORBIDDEN);
        assertThat(FigureAccess.toRead(user(Set.of(Role.PARTNER), "bievre"), "bievre"))
                .isEqualTo(FORBIDDEN);
    }

    @Test
    void onlySteeringMembersOfTheTerritoryAndAdminsSetTargets() {
        assertThat(FigureAccess.toSetTargets(user(Set.of(Role.STEERING), "bievre"), "bievre"))
                .isEqualTo(ALLOWED);
        assertThat(FigureAccess.toSetTargets(user(Set.of(Role.STEERING), "bievre"), "lyon-nord"))
                .isEqualTo(OUT_OF_SCOPE);
        assertThat(FigureAccess.toSetTargets(user(Set.of(Role.COORDINATOR), "bievre"), "bievre"))
                .isEqualTo(FORBIDDEN);
        assertThat(FigureAccess.toSetTargets(user(Set.of(Role.ADMIN)), "bievre"))
                .isEqualTo(ALLOWED);
    }
}
