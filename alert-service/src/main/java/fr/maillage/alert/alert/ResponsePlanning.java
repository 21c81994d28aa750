package fr.maillage.alert.alert;

import java.time.Instant;
import java.util.Optional;

/**
 * What the alert circuit asks of the territory's organisation: when an answer is due, and who
 * should give it. Implemented by the {@code routing} package from configuration (teams, sectors,
 * office hours, French public holidays in Europe/Paris); kept as an interface here so the aggregate
 * and its policies stay plain Java and the packages stay free of cycles.
 */
public interface ResponsePlanning {

    /**
     * When the response to an alert raised at {@code raisedAt} is due, for that urgency in that
     * territory. {@code level} may be null (before qualification); {@link ResponseLevel#ON_SITE_INTERVENTION}
     * applies the 24–72 h on-site rule.
     */
    Instant dueBy(String territory, Urgency urgency, ResponseLevel level, Instant raisedAt);

    /**
     * The team proposed at {@code at} for an alert in {@code commune} (may be null) of {@code territory};
     * empty when no team is configured for the territory.
     */
    Optional<TeamProposal> propose(String territory, String commune, Urgency urgency, ResponseLevel level, Instant at);

    /** A configured team of the territory, by id. */
    Optional<ResponderTeam> team(String territory, String teamId);
}
