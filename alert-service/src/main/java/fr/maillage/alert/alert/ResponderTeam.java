package fr.maillage.alert.alert;

/**
 * A team that answers alerts in a territory: a sector team during its office hours, or the
 * territory's 24/7 regulation team ({@code regulation}).
 */
public record ResponderTeam(String id, String name, String institution, String sector, boolean regulation) {}
