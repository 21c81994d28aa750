package fr.maillage.workshop.schedule;

/** A collective session of the group, or the individual follow-up slot that alternates with them. */
public enum SessionKind {
    GROUP,
    INDIVIDUAL
}
