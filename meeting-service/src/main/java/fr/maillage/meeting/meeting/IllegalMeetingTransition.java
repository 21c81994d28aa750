package fr.maillage.meeting.meeting;

/** The meeting (or one of its items) is not in a state that allows the action (answered 409 illegal-transition). */
public class IllegalMeetingTransition extends RuntimeException {

    private final String action;
    private final String currentState;

    public IllegalMeetingTransition(String action, Object currentState) {
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
