package fr.maillage.alert.alert;

/**
 * Who may see and act on an alert (DESIGN §6: role and scope). Staff = a coordinator or clinician
 * covering the alert's territory. The institution that raised an alert follows it: a partner system
 * sees its status and the feedback (not the staff's record), a clinician of that institution sees it
 * whole. For anyone else the alert does not exist (404); admins, steering and facilitators have no
 * part in the circuit.
 */
public final class AlertAccessPolicy {

    /** What a caller is shown of an alert. */
    public enum View {
        /** The whole alert (AlertView). */
        FULL,
        /** The raising partner's view: status, urgency, times, feedback, outcome and its own situation. */
        PARTNER,
        /** Nothing: 404. */
        NONE
    }

    private AlertAccessPolicy() {}

    public static View view(Alert alert, Caller caller) {
        if (isStaff(alert, caller)) {
            return View.FULL;
        }
        if (raisedByInstitutionOf(alert, caller)) {
            if (caller.clinician()) {
                return View.FULL;
            }
            if (caller.partner()) {
                return View.PARTNER;
            }
        }
        return View.NONE;
    }

    /** A coordinator or clinician covering the alert's territory: qualifies, responds, gives feedback, reads the history. */
    public static boolean isStaff(Alert alert, Caller caller) {
        return caller.isStaff() && caller.covers(alert.territory());
    }

    /** A coordinator of the alert's territory: assigns and closes. */
    public static boolean coordinates(Alert alert, Caller caller) {
        return caller.coordinator() && caller.covers(alert.territory());
    }

    /** Who may raise an alert in a territory: staff and partners that cover it. */
    public static boolean mayRaiseIn(String territory, Caller caller) {
        return (caller.isStaff() || caller.partner()) && caller.covers(territory);
    }

    private static boolean raisedByInstitutionOf(Alert alert, Caller caller) {
        String institution = alert.emitter() == null ? null : alert.emitter().institution();
        return institution != null && institution.equals(caller.institution());
    }
}
