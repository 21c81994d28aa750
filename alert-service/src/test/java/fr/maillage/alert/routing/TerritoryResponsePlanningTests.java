package fr.maillage.alert.routing;

import static fr.maillage.alert.routing.Paris.at;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.alert.alert.ResponsePlanning;
import fr.maillage.alert.alert.TeamProposal;
import fr.maillage.alert.alert.Urgency;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerritoryResponsePlanningTests {

    private final ResponsePlanning planning = planningWithBievreBInTwoHours();

    private static ResponsePlanning planningWithBievreBInTwoHours() {
        var bievreTargets = Bievre.defaultTargets();
        bievreTargets.put(Urgency.B, ResponseTarget.onTheClock(Duration.ofHours(2)));
        return new TerritoryResponsePlanning(
                Map.of("bievre", Bievre.territory(bievreTargets)),
                Bievre.defaultTargets(),
                new ResponseClock(new OfficeHours(WeeklyHours.WEEKDAYS_9_TO_6, Paris.ZONE, Bievre.HOLIDAYS)));
    }

    @Test
    void aTerritoryOverrideReplacesTheDefaultTargetOfThatUrgencyOnly() {
        assertThat(planning.dueBy("bievre", Urgency.B, null, at("2026-11-24T10:00")))
                .isEqualTo(at("2026-11-24T12:00"));
        assertThat(planning.dueBy("bievre", Urgency.C, null, at("2026-11-24T10:00")))
                .isEqualTo(at("2026-11-25T10:00"));
    }

    @Test
    void anUnconfiguredTerritoryGetsTheDefaultTargetsAndNoTeam() {
        assertThat(planning.dueBy("elsewhere", Urgency.B, null, at("2026-11-24T10:00")))
                .isEqualTo(at("2026-11-24T14:00"));
        assertThat(planning.dueBy("elsewhere", Urgency.D, null, at("2026-11-28T11:00")))
                .isEqualTo(at("2026-12-03T09:00"));
        assertThat(planning.propose("elsewhere", "38130", Urgency.C, null, at("2026-11-24T10:00")))
                .isEmpty();
        assertThat(planning.team("elsewhere", "cmp-la-cote")).isEmpty();
    }

    @Test
    void proposesThroughThePolicy() {
        assertThat(planning.propose("bievre", "38034", Urgency.C, null, at("2026-11-24T10:00")))
                .contains(new TeamProposal(Bievre.CMP_BEAUREPAIRE, "sector-office-hours"));
    }

    @Test
    void findsTheRegulationAndSectorTeamsOfATerritoryById() {
        assertThat(planning.team("bievre", "epsm-bievre-regulation")).contains(Bievre.REGULATION);
        assertThat(planning.team("bievre", "cmp-beaurepaire")).contains(Bievre.CMP_BEAUREPAIRE);
        assertThat(planning.team("bievre", "cmp-unknown")).isEmpty();
        assertThat(planning.team("bievre", null)).isEmpty();
    }
}
