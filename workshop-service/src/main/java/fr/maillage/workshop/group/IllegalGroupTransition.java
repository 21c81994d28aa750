package fr.maillage.workshop.group;

/** The group (or one of its enrolments) is not in a state that allows the action (answered 409). */
public class IllegalGroupTransition extends RuntimeException {

    private final String action;
    private final String currentState;

    public IllegalGroupTransition(String action, Object currentState) {
        super("Cannot " + action + " while the state is " + currentState + ".");
        this.action = action;
        this.currentState = String.valueOf(currentState);
    }

    public String action() {
        return action;
    }

    public String currentState() {
        return currentState;
    }
}
