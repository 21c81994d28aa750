package fr.maillage.alert.alert;

/**
 * Where an alert is in the circuit of DOMAIN §4: emission ({@link #RAISED}), qualification ({@link
 * #QUALIFIED}), a team in charge ({@link #ASSIGNED}), operational response ({@link #RESPONDED}, feedback
 * to the emitter recorded there) and {@link #CLOSED}.
 */
public enum AlertStatus {
    RAISED,
    QUALIFIED,
    ASSIGNED,
    RESPONDED,
    CLOSED;

    /** Everything but {@link #CLOSED}: what the triage queue shows by default. */
    public boolean isOpen() {
        return this != CLOSED;
    }

    /** Still waiting for a first response: the time-to-target runs and escalation applies. */
    public boolean awaitsResponse() {
        return this == RAISED || this == QUALIFIED || this == ASSIGNED;
    }
}
