package fr.maillage.meeting.meeting;

import fr.maillage.meeting.meeting.MeetingEvent.CaseReviewed;
import fr.maillage.meeting.meeting.MeetingEvent.MeetingCancelled;
import fr.maillage.meeting.meeting.MeetingEvent.MeetingHeld;
import fr.maillage.meeting.meeting.MeetingEvent.MeetingScheduled;
import fr.maillage.platform.events.EventOutbox;
import fr.maillage.platform.events.OutboundEvent;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Maps a meeting's domain events to the integration events of {@code meeting.events.v1} (the published
 * contract, schemas in {@code resources/events/}) and puts them in the meeting's outbox. Only ids, codes,
 * counts, instants and a personRef leave: never a title, a note, a decision's text or a name. Subject =
 * meetingId (its events keep their order); audience = the institutions of the participants.
 */
@Component
class MeetingMessages {

    static final String SCHEDULED = "fr.maillage.meeting.scheduled.v1";
    static final String CANCELLED = "fr.maillage.meeting.cancelled.v1";
    static final String HELD = "fr.maillage.meeting.held.v1";
    static final String CASE_REVIEWED = "fr.maillage.meeting.case-reviewed.v1";

    private final EventOutbox outbox;

    MeetingMessages(EventOutbox outbox) {
        this.outbox = outbox;
    }

    void append(Meeting meeting, List<? extends MeetingEvent> events) {
        events.forEach(event -> append(meeting, event));
    }

    void append(Meeting meeting, MeetingEvent event) {
        meeting.pendingEvents().add(message(meeting, event));
    }

    private OutboundEvent message(Meeting meeting, MeetingEvent event) {
        String type;
        Object data;
        switch (event) {
            case MeetingScheduled scheduled -> {
                type = SCHEDULED;
                data = new ScheduledV1(
                        scheduled.meetingId(),
                        scheduled.seriesId(),
                        scheduled.kind().name(),
                        scheduled.territory(),
                        text(scheduled.startsAt()),
                        text(scheduled.endsAt()),
                        scheduled.invitedCount());
            }
            case MeetingCancelled cancelled -> {
                type = CANCELLED;
                data = new CancelledV1(
                        cancelled.meetingId(),
                        cancelled.kind().name(),
                        cancelled.territory(),
                        text(cancelled.startsAt()),
                        text(cancelled.cancelledAt()));
            }
            case MeetingHeld held -> {
                type = HELD;
                data = new HeldV1(
                        held.meetingId(),
                        held.kind().name(),
                        held.territory(),
                        text(held.heldAt()),
                        held.attendees(),
                        held.professions());
            }
            case CaseReviewed reviewed -> {
                type = CASE_REVIEWED;
                data = new CaseReviewedV1(
                        reviewed.meetingId(),
                        reviewed.itemId(),
                        reviewed.territory(),
                        reviewed.personRef(),
                        reviewed.decisions(),
                        text(reviewed.reviewedAt()));
            }
        }
        return outbox.event(type, event.meetingId(), meeting.territory(), meeting.institutions(), data);
    }

    private static String text(Instant instant) {
        return instant.toString();
    }

    /** {@code fr.maillage.meeting.scheduled.v1} data; instants as ISO-8601 UTC strings. */
    record ScheduledV1(
            String meetingId,
            String seriesId,
            String kind,
            String territory,
            String startsAt,
            String endsAt,
            int invitedCount) {}

    /** {@code fr.maillage.meeting.cancelled.v1} data. */
    record CancelledV1(String meetingId, String kind, String territory, String startsAt, String cancelledAt) {}

    /** {@code fr.maillage.meeting.held.v1} data: counts only, never who. */
    record HeldV1(String meetingId, String kind, String territory, String heldAt, int attendees, int professions) {}

    /** {@code fr.maillage.meeting.case-reviewed.v1} data: the personRef and a count, never the decisions' text. */
    record CaseReviewedV1(
            String meetingId, String itemId, String territory, String personRef, int decisions, String reviewedAt) {}
}
