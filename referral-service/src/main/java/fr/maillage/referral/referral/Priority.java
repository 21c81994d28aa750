package fr.maillage.referral.referral;

/** How soon the resource should act on a referral. */
public enum Priority {
    ROUTINE,
    URGENT
}
