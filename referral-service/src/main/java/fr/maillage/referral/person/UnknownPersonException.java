package fr.maillage.referral.person;

/** No person with this personRef in the registry, or one erased since: nothing can be added to them. */
public class UnknownPersonException extends RuntimeException {

    private final String personRef;

    public UnknownPersonException(String personRef) {
        super("No person " + personRef + " in the registry (unknown or erased)");
        this.personRef = personRef;
    }

    public String personRef() {
        return personRef;
    }
}
