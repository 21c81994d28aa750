package fr.maillage.referral.referral;

/** A transition the referral's current status does not allow (answered 409 over HTTP). */
public class IllegalTransitionException extends RuntimeException {

    private final String action;
    private final ReferralStatus currentStatus;
    private final BusinessStatus currentBusinessStatus;

    IllegalTransitionException(String action, ReferralStatus currentStatus, BusinessStatus currentBusinessStatus) {
        super("Cannot " + action + " a referral that is " + currentStatus
                + (currentBusinessStatus == null ? "" : " (" + currentBusinessStatus + ")"));
        this.action = action;
        this.currentStatus = currentStatus;
        this.currentBusinessStatus = currentBusinessStatus;
    }

    public String action() {
        return action;
    }

    public ReferralStatus currentStatus() {
        return currentStatus;
    }

    public BusinessStatus currentBusinessStatus() {
        return currentBusinessStatus;
    }
}
