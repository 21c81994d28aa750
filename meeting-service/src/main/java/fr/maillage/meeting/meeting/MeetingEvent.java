package fr.maillage.meeting.meeting;

import java.time.Instant;

/**
 * What happened to a meeting: returned by {@link Meeting}, published by {@code MeetingMessages} to the
 * institutions of its participants. Counts and ids only: no notes, no titles, no names.
 */
public sealed interface MeetingEvent {

    String meetingId();

    /** @param seriesId null for a meeting outside any series */
    record MeetingScheduled(
            String meetingId,
            String seriesId,
            MeetingKind kind,
            String territory,
            Instant startsAt,
            Instant endsAt,
            int invitedCount)
            implements MeetingEvent {}

    record MeetingCancelled(String meetingId, MeetingKind kind, String territory, Instant startsAt, Instant cancelledAt)
            implements MeetingEvent {}

    /**
     * @param heldAt when it took place (its start)
     * @param attendees how many participants were present
     * @param professions how many distinct professions were present
     */
    record MeetingHeld(
            String meetingId, MeetingKind kind, String territory, Instant heldAt, int attendees, int professions)
            implements MeetingEvent {}

    /**
     * A decision was recorded on a case review.
     *
     * @param personRef null once the person was erased
     * @param decisions how many decisions the item has now
     */
    record CaseReviewed(
            String meetingId, String itemId, String territory, String personRef, int decisions, Instant reviewedAt)
            implements MeetingEvent {}
}
