package fr.maillage.workshop.group;

/** How soon a referral asked for the person to be seen, as the referrer set it. */
public enum Priority {
    ROUTINE,
    URGENT
}
