package fr.maillage.alert.routing;

import fr.maillage.alert.alert.ResponseLevel;
import fr.maillage.alert.alert.TeamProposal;
import fr.maillage.alert.alert.Urgency;
import java.time.Instant;
import java.util.Optional;

/**
 * Which team is proposed to answer an alert; the first rule that applies wins.
 *
 * <ol>
 *   <li>{@value #EMERGENCY_REGULATION}: urgency A, or level EMERGENCY_SERVICES or MOBILE_CRISIS_TEAM
 *       — the 24/7 regulation team, whatever the hour.
 *   <li>{@value #SECTOR_OFFICE_HOURS}: the team whose sector contains the commune, while its office
 *       is open.
 *   <li>{@value #TERRITORY_DEFAULT_TEAM}: commune unknown (absent, or in no sector), while the
 *       territory's first team is open.
 *   <li>{@value #REGULATION_OUT_OF_HOURS}: otherwise — evenings, nights, weekends, public holidays —
 *       the regulation team.
 * </ol>
 */
public final class TeamProposalPolicy {

    public static final String EMERGENCY_REGULATION = "emergency-regulation";
    public static final String SECTOR_OFFICE_HOURS = "sector-office-hours";
    public static final String TERRITORY_DEFAULT_TEAM = "territory-default-team";
    public static final String REGULATION_OUT_OF_HOURS = "regulation-out-of-hours";

    private TeamProposalPolicy() {}

    /**
     * The proposal for an alert of {@code commune} (may be null) at {@code at}; {@code urgency} and
     * {@code level} may be null before qualification.
     */
    public static TeamProposal propose(
            TerritoryRouting territory, String commune, Urgency urgency, ResponseLevel level, Instant at) {
        if (urgency == Urgency.A
                || level == ResponseLevel.EMERGENCY_SERVICES
                || level == ResponseLevel.MOBILE_CRISIS_TEAM) {
            return new TeamProposal(territory.regulationTeam(), EMERGENCY_REGULATION);
        }
        Optional<SectorTeam> sector = territory.sectorTeamOf(commune);
        SectorTeam candidate = sector.orElse(territory.defaultTeam());
        if (!candidate.isOpen(at)) {
            return new TeamProposal(territory.regulationTeam(), REGULATION_OUT_OF_HOURS);
        }
        return new TeamProposal(candidate.team(), sector.isPresent() ? SECTOR_OFFICE_HOURS : TERRITORY_DEFAULT_TEAM);
    }
}
