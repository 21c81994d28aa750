package fr.maillage.meeting.meeting;

import java.util.Optional;

/** The meetings' side of the automatic agenda: where a proposed item lands. */
public interface MeetingAgenda {

    /**
     * Adds a PROPOSED item to the next practice group of the territory (scheduled, not started yet);
     * idempotent by {@code causeKey} within a meeting.
     *
     * @return where it landed, or empty when the territory has no practice group ahead yet
     */
    Optional<ProposedItemPlaced> proposeOnNextPracticeGroup(String territory, ProposedItem item);

    /**
     * @param causeKey what caused the proposal, e.g. {@code alert-escalated:<alertId>}: the same cause never proposes twice
     * @param personRef null when the cause names nobody yet
     * @param sourceType ALERT, WORKSHOP or REFERRAL
     * @param summaryCode a code saying why (e.g. {@code alert-escalated}), never free text
     */
    record ProposedItem(
            String causeKey, ItemKind kind, String personRef, String sourceType, String sourceId, String summaryCode) {}

    record ProposedItemPlaced(String meetingId, String itemId) {}
}
