package fr.maillage.alert.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A small stand-in for routing in unit tests: fixed on-the-clock targets per urgency, one sector team
 * and one regulation team in {@code bievre}, nothing anywhere else.
 */
class FakeResponsePlanning implements ResponsePlanning {

    static final ResponderTeam SECTOR_TEAM =
            new ResponderTeam("cmp-bievre-nord", "CMP Bièvre Nord", "epsm-bievre", "bievre-nord", false);
    static final ResponderTeam OTHER_TEAM =
            new ResponderTeam("cmp-bievre-sud", "CMP Bièvre Sud", "epsm-bievre", "bievre-sud", false);
    static final ResponderTeam REGULATION_TEAM =
            new ResponderTeam("epsm-bievre-regulation", "Régulation EPSM Bièvre", "epsm-bievre", null, true);

    static final Map<Urgency, Duration> TARGETS = Map.of(
            Urgency.A, Duration.ofMinutes(15),
            Urgency.B, Duration.ofHours(4),
            Urgency.C, Duration.ofHours(24),
            Urgency.D, Duration.ofHours(72),
            Urgency.E, Duration.ofDays(28),
            Urgency.F, Duration.ofDays(7),
            Urgency.G, Duration.ofDays(3));

    @Override
    public Instant dueBy(String territory, Urgency urgency, ResponseLevel level, Instant raisedAt) {
        Instant target = raisedAt.plus(TARGETS.get(urgency));
        if (level == ResponseLevel.ON_SITE_INTERVENTION) {
            Duration onSite =
                    urgency == Urgency.B || urgency == Urgency.C ? Duration.ofHours(24) : Duration.ofHours(72);
            Instant rule = raisedAt.plus(onSite);
            return rule.isBefore(target) ? rule : target;
        }
        return target;
    }

    @Override
    public Optional<TeamProposal> propose(
            String territory, String commune, Urgency urgency, ResponseLevel level, Instant at) {
        if (!"bievre".equals(territory)) {
            return Optional.empty();
        }
        if (urgency == Urgency.A || level == ResponseLevel.EMERGENCY_SERVICES) {
            return Optional.of(new TeamProposal(REGULATION_TEAM, "emergency-regulation"));
        }
        return Optional.of(
                new TeamProposal(SECTOR_TEAM, commune == null ? "territory-default-team" : "sector-office-hours"));
    }

    @Override
    public Optional<ResponderTeam> team(String territory, String teamId) {
        if (!"bievre".equals(territory)) {
            return Optional.empty();
        }
        return java.util.stream.Stream.of(SECTOR_TEAM, OTHER_TEAM, REGULATION_TEAM)
                .filter(team -> team.id().equals(teamId))
                .findFirst();
    }
}
