package fr.maillage.meeting.action;

/** The action is not in a state that allows the change (answered 409 {@code illegal-transition}). */
public class IllegalActionTransition extends RuntimeException {

    private final String action;
    private final ActionStatus currentState;

    public IllegalActionTransition(String action, ActionStatus currentState) {
        super("Cannot " + action + " while the state is " + currentState + ".");
        this.action = action;
        this.currentState = currentState;
    }

    public String action() {
        return action;
    }

    public ActionStatus currentState() {
        return currentState;
    }
}
