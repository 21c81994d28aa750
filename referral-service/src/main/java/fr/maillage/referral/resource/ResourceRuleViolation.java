package fr.maillage.referral.resource;

/** A description of a resource that cannot be true (minimum age above maximum, more free places than places). */
public class ResourceRuleViolation extends IllegalArgumentException {

    public ResourceRuleViolation(String message) {
        super(message);
    }
}
