package fr.maillage.meeting.meeting;

/** How a person's erasure reaches the meetings (called by the listener of {@code person-erased.v1}). */
public interface CaseItemErasure {

    /**
     * The person's case items lose their personRef and notes (their kind and decisions' count stay).
     * Idempotent.
     *
     * @return how many items were anonymised now
     */
    int anonymise(String personRef);
}
