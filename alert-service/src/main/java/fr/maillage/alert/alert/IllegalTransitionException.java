package fr.maillage.alert.alert;

/** A step the alert's current status does not allow (answered 409 {@code illegal-transition}). */
public class IllegalTransitionException extends RuntimeException {

    private final String action;
    private final AlertStatus currentStatus;

    IllegalTransitionException(String action, AlertStatus currentStatus) {
        super("Cannot " + action + " an alert that is " + currentStatus);
        this.action = action;
        this.currentStatus = currentStatus;
    }

    public String action() {
        return action;
    }

    public AlertStatus currentStatus() {
        return currentStatus;
    }
}
