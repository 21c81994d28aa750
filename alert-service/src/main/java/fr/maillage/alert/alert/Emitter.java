package fr.maillage.alert.alert;

/**
 * Who raised an alert, as they told us. Kept only in this service: events carry the {@code kind} and
 * the {@code institution}, never the name, organisation or contact.
 *
 * @param institution the institution of the caller that recorded the alert (from its token), null for
 *     alerts the platform raises itself
 */
public record Emitter(
        EmitterKind kind,
        String name,
        String organisation,
        String callbackContact,
        boolean wantsFeedback,
        String institution) {

    /** No name and no callback contact: nobody can be told what happened. */
    public boolean isAnonymous() {
        return isBlank(name) && isBlank(callbackContact);
    }

    /** The same emitter with name, organisation and contact blanked (erasure). */
    Emitter anonymised() {
        return new Emitter(kind, null, null, null, wantsFeedback, institution);
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        // Never print the identity of the emitter (logs, assertion messages).
        return "Emitter[kind=" + kind + ", institution=" + institution + ", redacted]";
    }
}
