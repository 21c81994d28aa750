package fr.maillage.alert.routing;

import fr.maillage.alert.alert.ResponderTeam;
import fr.maillage.alert.alert.ResponseLevel;
import fr.maillage.alert.alert.ResponsePlanning;
import fr.maillage.alert.alert.TeamProposal;
import fr.maillage.alert.alert.Urgency;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ResponsePlanning} from the configured territories. A territory that is not configured
 * gets the default targets and business hours, and no team.
 */
public final class TerritoryResponsePlanning implements ResponsePlanning {

    private final Map<String, TerritoryRouting> territories;
    private final Map<Urgency, ResponseTarget> defaultTargets;
    private final ResponseClock defaultClock;

    public TerritoryResponsePlanning(
            Map<String, TerritoryRouting> territories,
            Map<Urgency, ResponseTarget> defaultTargets,
            ResponseClock defaultClock) {
        for (Urgency urgency : Urgency.values()) {
            if (!defaultTargets.containsKey(urgency)) {
                throw new IllegalArgumentException("no default target for urgency " + urgency);
            }
        }
        this.territories = Map.copyOf(territories);
        this.defaultTargets = Map.copyOf(new EnumMap<>(defaultTargets));
        this.defaultClock = Objects.requireNonNull(defaultClock, "defaultClock");
    }

    @Override
    public Instant dueBy(String territory, Urgency urgency, ResponseLevel level, Instant raisedAt) {
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(raisedAt, "raisedAt");
        TerritoryRouting routing = territory == null ? null : territories.get(territory);
        if (routing != null) {
            return routing.dueBy(urgency, level, raisedAt);
        }
        return defaultClock.dueBy(defaultTargets.get(urgency), urgency, level, raisedAt);
    }

    @Override
    public Optional<TeamProposal> propose(
            String territory, String commune, Urgency urgency, ResponseLevel level, Instant at) {
        Objects.requireNonNull(at, "at");
        return routing(territory).map(routing -> TeamProposalPolicy.propose(routing, commune, urgency, level, at));
    }

    @Override
    public Optional<ResponderTeam> team(String territory, String teamId) {
        return teamId == null ? Optional.empty() : routing(territory).flatMap(routing -> routing.team(teamId));
    }

    /** The configured territory ids. */
    public Set<String> territories() {
        return territories.keySet();
    }

    /** A configured territory. */
    public Optional<TerritoryRouting> routing(String territory) {
        return territory == null ? Optional.empty() : Optional.ofNullable(territories.get(territory));
    }
}
