package fr.maillage.alert.routing;

import fr.maillage.alert.alert.ResponderTeam;
import fr.maillage.alert.alert.ResponseLevel;
import fr.maillage.alert.alert.Urgency;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The organisation of one territory: a response-time target for every urgency, its business hours
 * (through its {@link ResponseClock}), its 24/7 regulation team and its sector teams, the first of
 * which is the default team.
 */
public record TerritoryRouting(
        String id,
        Map<Urgency, ResponseTarget> targets,
        ResponseClock clock,
        ResponderTeam regulationTeam,
        List<SectorTeam> teams) {

    public TerritoryRouting {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(regulationTeam, "regulationTeam");
        for (Urgency urgency : Urgency.values()) {
            if (!targets.containsKey(urgency)) {
                throw new IllegalArgumentException("territory " + id + " has no target for urgency " + urgency);
            }
        }
        if (teams.isEmpty()) {
            throw new IllegalArgumentException("territory " + id + " has no sector team");
        }
        targets = Map.copyOf(new EnumMap<>(targets));
        teams = List.copyOf(teams);
    }

    public Instant dueBy(Urgency urgency, ResponseLevel level, Instant raisedAt) {
        return clock.dueBy(targets.get(urgency), urgency, level, raisedAt);
    }

    /** The sector team whose communes include {@code commune}, if any. */
    public Optional<SectorTeam> sectorTeamOf(String commune) {
        return teams.stream().filter(team -> team.covers(commune)).findFirst();
    }

    /** The territory's first sector team: the one that takes alerts of unknown communes. */
    public SectorTeam defaultTeam() {
        return teams.getFirst();
    }

    /** The regulation team or a sector team of this territory, by id. */
    public Optional<ResponderTeam> team(String teamId) {
        return Stream.concat(Stream.of(regulationTeam), teams.stream().map(SectorTeam::team))
                .filter(team -> team.id().equals(teamId))
                .findFirst();
    }
}
