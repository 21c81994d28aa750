package fr.maillage.alert.alert;

import java.time.Instant;

/**
 * The team in charge of an alert: proposed by the routing rules at qualification ({@code proposed}, no
 * {@code assignedBy}), then confirmed or changed by a coordinator.
 *
 * @param rule the routing rule that proposed the team, or {@link #COORDINATOR_CHOICE}
 */
public record Assignment(
        String teamId,
        String teamName,
        String institution,
        String rule,
        boolean proposed,
        Instant assignedAt,
        String assignedBy) {

    /** The rule of an assignment a coordinator chose against the proposal. */
    public static final String COORDINATOR_CHOICE = "coordinator-choice";

    static Assignment proposal(TeamProposal proposal, Instant at) {
        ResponderTeam team = proposal.team();
        return new Assignment(team.id(), team.name(), team.institution(), proposal.rule(), true, at, null);
    }

    Assignment confirmedBy(String actor, Instant at) {
        return new Assignment(teamId, teamName, institution, rule, false, at, actor);
    }
}
