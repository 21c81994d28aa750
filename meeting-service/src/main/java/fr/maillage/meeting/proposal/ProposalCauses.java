package fr.maillage.meeting.proposal;

import fr.maillage.meeting.meeting.ItemKind;
import fr.maillage.meeting.meeting.MeetingAgenda.ProposedItem;

/**
 * What each cause proposes, and its cause key: the same cause always gives the same key, so it never
 * proposes twice (the key is unique among proposals). Keys and summaries are ids and codes, never text.
 */
public final class ProposalCauses {

    static final String ALERT = "ALERT";
    static final String WORKSHOP = "WORKSHOP";
    static final String REFERRAL = "REFERRAL";

    private ProposalCauses() {}

    /** An escalated alert: once per alert, whatever the level (level 1 and level 2 share the key). */
    public static ProposedItem alertEscalated(String alertId, String personRef) {
        return new ProposedItem(
                "alert-escalated:" + alertId, ItemKind.CASE_REVIEW, personRef, ALERT, alertId, "alert-escalated");
    }

    /** A participant who stopped coming: once per group, person and disengagement episode. */
    public static ProposedItem participantDisengaged(String groupId, String personRef, int episode) {
        return new ProposedItem(
                "disengaged:" + groupId + ":" + personRef + ":" + episode,
                ItemKind.CASE_REVIEW,
                personRef,
                WORKSHOP,
                groupId,
                "participant-disengaged");
    }

    /** A person declined twice within the window: keyed by the decline that made the pair. */
    public static ProposedItem declinedTwice(String personRef, String referralId) {
        return new ProposedItem(
                "declined-twice:" + personRef + ":" + referralId,
                ItemKind.CASE_REVIEW,
                personRef,
                REFERRAL,
                referralId,
                "declined-twice");
    }
}
