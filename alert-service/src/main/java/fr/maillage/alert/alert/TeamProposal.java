package fr.maillage.alert.alert;

/** The team proposed to answer an alert, and the routing rule that chose it (e.g. {@code regulation-out-of-hours}). */
public record TeamProposal(ResponderTeam team, String rule) {}
