package fr.maillage.subscription.subscription;

/** A step a subscription cannot take in its current status (answered 409 {@code illegal-transition}). */
public final class IllegalSubscriptionTransition extends RuntimeException {

    private final String action;
    private final SubscriptionStatus current;

    IllegalSubscriptionTransition(String action, SubscriptionStatus current) {
        super("Cannot " + action + " a subscription that is " + current);
        this.action = action;
        this.current = current;
    }

    public String action() {
        return action;
    }

    public SubscriptionStatus current() {
        return current;
    }
}
