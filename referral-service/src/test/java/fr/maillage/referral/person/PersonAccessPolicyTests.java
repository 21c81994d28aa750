package fr.maillage.referral.person;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonAccessPolicyTests {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static CurrentUser user(String id, String institution, String territory, Role... roles) {
        return new CurrentUser(id, id, Set.of(roles), institution, Set.of(territory), null, "maillage-console");
    }

    private static final CurrentUser DR_MARTIN = user("dr-martin", "msp-bievre", "bievre", Role.CLINICIAN);
    private static final CurrentUser IDE_BERNARD =
            user("ide-bernard", "msp-bievre", "bievre", Role.FACILITATOR, Role.CLINICIAN);
    private static final CurrentUser PARTNER_EPSM = user("partner-epsm", "epsm-bievre", "bievre", Role.PARTNER);
    private static final CurrentUser PARTNER_DAC = user("partner-dac", "dac-lyon", "lyon-nord", Role.PARTNER);
    private static final CurrentUser COORD_BIEVRE = user("coord-bievre", "cpts-bievre", "bievre", Role.COORDINATOR);
    private static final CurrentUser COORD_LYON = user("coord-lyon", "ptsm-lyon", "lyon-nord", Role.COORDINATOR);
    private static final CurrentUser COPIL_BIEVRE = user("copil-bievre", "cpts-bievre", "bievre", Role.STEERING);
    private static final CurrentUser ADMIN = user("admin", "platform", "bievre", Role.ADMIN);

    /** Referred by dr-martin to an epsm-bievre resource, followed in bievre. */
    private static Person referredPerson() {
        Person person = Person.register("p-1", "index", new byte[] {1}, T0);
        person.joinCareTeam(
                new CareTeamMember("dr-martin", "msp-bievre", CareTeamRole.REFERRER, "referral:r1"), "bievre", T0);
        person.joinCareTeam(
                new CareTeamMember(null, "epsm-bievre", CareTeamRole.TARGET_INSTITUTION, "referral:r1"), "bievre", T0);
        return person;
    }

    @Test
    void theProfessionalsOfTheCareTeamSeeThePerson() {
        assertThat(PersonAccessPolicy.canSee(referredPerson(), DR_MARTIN)).isTrue();
    }

    @Test
    void anInstitutionLevelMemberLetsItsClinicianPartnerAndCoordinatorSeeThePerson() {
        Person person = referredPerson();

        assertThat(PersonAccessPolicy.canSee(person, PARTNER_EPSM)).isTrue();
        assertThat(PersonAccessPolicy.canSee(person, user("dr-x", "epsm-bievre", "lyon-nord", Role.CLINICIAN)))
                .isTrue();
        assertThat(PersonAccessPolicy.canSee(person, user("coord-x", "epsm-bievre", "lyon-nord", Role.COORDINATOR)))
                .isTrue();
        assertThat(PersonAccessPolicy.canSee(person, user("copil-x", "epsm-bievre", "bievre", Role.STEERING)))
                .isFalse();
        assertThat(PersonAccessPolicy.canSee(person, user("fac-x", "epsm-bievre", "bievre", Role.FACILITATOR)))
                .isFalse();
    }

    @Test
    void aColleagueOfAProfessionalMemberIsNotAMember() {
        assertThat(PersonAccessPolicy.canSee(referredPerson(), IDE_BERNARD)).isFalse();
    }

    @Test
    void coordinatorsOfThePersonsTerritorySeeThePersonOthersDoNot() {
        Person person = referredPerson();

        assertThat(PersonAccessPolicy.canSee(person, COORD_BIEVRE)).isTrue();
        assertThat(PersonAccessPolicy.canSee(person, COORD_LYON)).isFalse();
    }

    @Test
    void steeringAdminsAndPartnersOfAnotherInstitutionDoNotSeeThePerson() {
        Person person = referredPerson();

        assertThat(PersonAccessPolicy.canSee(person, COPIL_BIEVRE)).isFalse();
        assertThat(PersonAccessPolicy.canSee(person, ADMIN)).isFalse();
        assertThat(PersonAccessPolicy.canSee(person, PARTNER_DAC)).isFalse();
    }

    @Test
    void aFacilitatorWhoJoinedTheCareTeamSeesThePerson() {
        Person person = referredPerson();
        person.joinCareTeam(
                new CareTeamMember("ide-bernard", "lieu-dit", CareTeamRole.FACILITATOR, "workshop-group:g1"),
                "bievre",
                T0);

        assertThat(PersonAccessPolicy.canSee(person, IDE_BERNARD)).isTrue();
    }

    @Test
    void anErasedPersonIsSeenByNobody() {
        Person person = referredPerson();
        person.erase(T0);

        assertThat(PersonAccessPolicy.canSee(person, DR_MARTIN)).isFalse();
        assertThat(PersonAccessPolicy.canSee(person, COORD_BIEVRE)).isFalse();
        assertThat(PersonAccessPolicy.canSee(person, PARTNER_EPSM)).isFalse();
    }
}
