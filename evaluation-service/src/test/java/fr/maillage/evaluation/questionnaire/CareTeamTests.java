package fr.maillage.evaluation.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who is in a person's care team: facilitators of their groups, clinicians and facilitators of the institutions their referrals name. */
class CareTeamTests {

    private static final String GROUP = "6a0c9c1e-1111-4000-8000-000000000001";

    private final CareTeam team =
            new CareTeam("6a0c9c1e-2222-4000-8000-000000000002", List.of(GROUP), List.of("msp-bievre", "epsm-bievre"));

    private static CurrentUser user(String id, String institution, Role... roles) {
        return new CurrentUser(id, id, Set.of(roles), institution, Set.of("bievre"), null, "maillage-console");
    }

    @Test
    void aFacilitatorOfOneOfThePersonsGroupsIsInTheCareTeamWhateverTheirInstitution() {
        CurrentUser psyDurand = user("psy-durand", "lieu-dit", Role.FACILITATOR, Role.CLINICIAN);

        assertThat(team.includes(psyDurand, List.of(GROUP))).isTrue();
        assertThat(team.includes(psyDurand, List.of())).isFalse();
        assertThat(team.includes(psyDurand, List.of("another-group"))).isFalse();
    }

    @Test
    void aClinicianOfAnInstitutionOfTheReferralsIsInTheCareTeam() {
        assertThat(team.includes(user("dr-martin", "msp-bievre", Role.CLINICIAN), List.of()))
                .isTrue();
        assertThat(team.includes(user("dr-other", "cmp-lyon", Role.CLINICIAN), List.of()))
                .isFalse();
    }

    @Test
    void partnersCoordinatorsSteeringAndAdminsAreNeverInACareTeam() {
        assertThat(List.of(
                        user("partner-epsm", "epsm-bievre", Role.PARTNER),
                        user("partner-clinician", "epsm-bievre", Role.PARTNER, Role.CLINICIAN),
                        user("coord-bievre", "msp-bievre", Role.COORDINATOR),
                        user("copil-bievre", "msp-bievre", Role.STEERING),
                        user("admin", "msp-bievre", Role.ADMIN)))
                .allSatisfy(user -> {
                    assertThat(CareTeam.mayBeCareTeam(user)).isFalse();
                    assertThat(team.includes(user, List.of(GROUP))).isFalse();
                });
    }
}
