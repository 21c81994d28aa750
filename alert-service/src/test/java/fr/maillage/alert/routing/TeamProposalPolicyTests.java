package fr.maillage.alert.routing;

import static fr.maillage.alert.routing.Paris.at;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.alert.alert.ResponseLevel;
import fr.maillage.alert.alert.TeamProposal;
import fr.maillage.alert.alert.Urgency;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TeamProposalPolicyTests {

    private static final Instant TUESDAY_MORNING = at("2026-11-24T10:00");

    private final TerritoryRouting bievre = Bievre.territory();

    private TeamProposal propose(String commune, Urgency urgency, ResponseLevel level, Instant at) {
        return TeamProposalPolicy.propose(bievre, commune, urgency, level, at);
    }

    // --- emergency-regulation

    @Test
    void urgencyAGoesToTheRegulationTeamEvenDuringOfficeHours() {
        assertThat(propose("38130", Urgency.A, null, TUESDAY_MORNING))
                .isEqualTo(new TeamProposal(Bievre.REGULATION, "emergency-regulation"));
    }

    @Test
    void emergencyServicesAndMobileCrisisTeamLevelsGoToTheRegulationTeam() {
        assertThat(propose("38130", Urgency.C, ResponseLevel.EMERGENCY_SERVICES, TUESDAY_MORNING))
                .isEqualTo(new TeamProposal(Bievre.REGULATION, "emergency-regulation"));
        assertThat(propose("38034", Urgency.B, ResponseLevel.MOBILE_CRISIS_TEAM, TUESDAY_MORNING))
                .isEqualTo(new TeamProposal(Bievre.REGULATION, "emergency-regulation"));
    }

    // --- sector-office-hours

    @Test
    void theSectorTeamOfTheCommuneAnswersDuringItsOfficeHours() {
        assertThat(propose("38130", Urgency.C, ResponseLevel.CMP_APPOINTMENT, TUESDAY_MORNING))
                .isEqualTo(new TeamProposal(Bievre.CMP_LA_COTE, "sector-office-hours"));
        assertThat(propose("38347", Urgency.D, ResponseLevel.ON_SITE_INTERVENTION, TUESDAY_MORNING))
                .isEqualTo(new TeamProposal(Bievre.CMP_BEAUREPAIRE, "sector-office-hours"));
    }

    @Test
    void anUnqualifiedAlertIsRoutedByItsCommuneToo() {
        assertThat(propose("38384", null, null, TUESDAY_MORNING))
                .isEqualTo(new TeamProposal(Bievre.CMP_LA_COTE, "sector-office-hours"));
    }

    @Test
    void eachTeamKeepsItsOwnOfficeHours() {
        Instant quarterPastFive = at("2026-11-24T17:15");

        assertThat(propose("38130", Urgency.C, null, quarterPastFive).rule()).isEqualTo("sector-office-hours");
        assertThat(propose("38034", Urgency.C, null, quarterPastFive))
                .as("Beaurepaire closes at 17:00")
                .isEqualTo(new TeamProposal(Bievre.REGULATION, "regulation-out-of-hours"));
    }

    // --- regulation-out-of-hours

    @Test
    void theRegulationTeamAnswersInTheEveningAtNightAndAtWeekends() {
        for (String when :
                new String[] {"2026-11-24T17:30", "2026-11-24T23:00", "2026-11-25T06:00", "2026-11-28T10:00"}) {
            assertThat(propose("38130", Urgency.C, null, at(when)))
                    .as(when)
                    .isEqualTo(new TeamProposal(Bievre.REGULATION, "regulation-out-of-hours"));
        }
    }

    @Test
    void theRegulationTeamAnswersOnPublicHolidays() {
        assertThat(propose("38130", Urgency.C, null, at("2026-05-14T10:00")))
                .as("Ascension")
                .isEqualTo(new TeamProposal(Bievre.REGULATION, "regulation-out-of-hours"));
        assertThat(propose("38130", Urgency.C, null, at("2026-05-25T10:00")))
                .as("Whit Monday")
                .isEqualTo(new TeamProposal(Bievre.REGULATION, "regulation-out-of-hours"));
    }

    // --- territory-default-team

    @Test
    void anAlertWithoutCommuneGoesToTheTerritorysFirstTeamDuringItsOfficeHours() {
        assertThat(propose(null, Urgency.D, null, TUESDAY_MORNING))
                .isEqualTo(new TeamProposal(Bievre.CMP_LA_COTE, "territory-default-team"));
    }

    @Test
    void aCommuneInNoSectorGoesToTheTerritorysFirstTeamDuringItsOfficeHours() {
        assertThat(propose("69123", Urgency.D, null, TUESDAY_MORNING))
                .isEqualTo(new TeamProposal(Bievre.CMP_LA_COTE, "territory-default-team"));
    }

    @Test
    void anUnknownCommuneOutOfHoursGoesToTheRegulationTeam() {
        assertThat(propose(null, Urgency.D, null, at("2026-11-24T20:00")))
                .isEqualTo(new TeamProposal(Bievre.REGULATION, "regulation-out-of-hours"));
    }
}
