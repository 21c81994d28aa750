package fr.maillage.meeting.meeting;

/** How {@code person-erased.v1} reaches the meetings: the person's case items lose their personRef and notes. */
public interface CaseItemErasure {

    /**
     * Anonymises every case item of the person (kept: kind, decisions count); idempotent.
     *
     * @return how many items were anonymised by this call
     */
    int anonymise(String personRef);
}
