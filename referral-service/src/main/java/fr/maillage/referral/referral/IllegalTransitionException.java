package fr.maillage.referral.referral;

/** A transition the referral's current status does not allow (answered 409 over HTTP). */
public class IllegalTransitionException extends RuntimeException {

    private final String action;
    private final ReferralStatus currentStatus;

    IllegalTransitionException(String action, ReferralStatus currentStatus) {
        super("Cannot " + action + " a referral that is " + currentStatus);
        this.action = action;
        this.currentStatus = currentStatus;
    }

    public String action() {
        return action;
    }

    public ReferralStatus currentStatus() {
        return currentStatus;
    }
}
