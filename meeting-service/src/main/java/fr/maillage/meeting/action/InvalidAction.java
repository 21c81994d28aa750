package fr.maillage.meeting.action;

/** A new action breaks a rule of its fields ({@code field} names which); answered 400 {@code invalid-action}. */
public class InvalidAction extends IllegalArgumentException {

    private final String field;

    public InvalidAction(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
