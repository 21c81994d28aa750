package fr.maillage.meeting.meeting;

import fr.maillage.meeting.action.ActionDesk.ActionView;
import fr.maillage.platform.security.CurrentUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A meeting as one reader may see it: the notes and decisions' texts of case reviews only for those
 * present and the coordinators of the territory; a steering committee links the latest quarterly
 * report of its territory.
 *
 * @param attendance null until the attendance is recorded
 * @param latestReport the territory's latest report, steering committees only (null otherwise or when none)
 * @param actions the actions the meeting's decisions handed out, with their status (null in lists)
 */
public record MeetingView(
        String id,
        long version,
        MeetingKind kind,
        String territory,
        String title,
        MeetingStatus status,
        Instant startsAt,
        Instant endsAt,
        long durationMinutes,
        String venue,
        String seriesId,
        List<ParticipantView> participants,
        AttendanceView attendance,
        List<ItemView> items,
        ReportView latestReport,
        List<ActionView> actions,
        Instant scheduledAt,
        Instant heldAt,
        Instant cancelledAt,
        String cancellationReason) {

    public record ParticipantView(String userId, String profession, String institution, boolean present) {}

    /**
     * @param present the user ids of those present
     * @param professionsPresent the distinct professions present
     */
    public record AttendanceView(
            List<String> present,
            int attendees,
            List<String> professionsPresent,
            QuorumView quorum,
            Instant recordedAt,
            String recordedBy) {}

    /** @param missing how many more professions a decision about a person needs */
    public record QuorumView(int minProfessions, boolean reached, int missing) {}

    /**
     * @param notes null when there are none or the reader may not read them ({@code notesHidden})
     * @param causeKey what proposed an automatic item (null for manual items)
     */
    public record ItemView(
            String id,
            ItemKind kind,
            ItemStatus status,
            String personRef,
            String sourceType,
            String sourceId,
            String topic,
            String causeKey,
            String summaryCode,
            String notes,
            boolean notesHidden,
            Instant notesUpdatedAt,
            List<DecisionView> decisions,
            int decisionsCount,
            boolean anonymised,
            Instant addedAt,
            String addedBy) {

        public static ItemView of(Meeting meeting, AgendaItem item, CurrentUser reader) {
            boolean readable = MeetingAccess.canReadNotes(meeting, item, reader);
            return new ItemView(
                    item.id(),
                    item.kind(),
                    item.status(),
                    item.personRef(),
                    item.sourceType(),
                    item.sourceId(),
                    item.topic(),
                    item.causeKey(),
                    item.summaryCode(),
                    readable ? item.notes() : null,
                    !readable,
                    readable ? item.notesUpdatedAt() : null,
                    item.decisions().stream()
                            .map(decision -> DecisionView.of(decision, readable))
                            .toList(),
                    item.decisions().size(),
                    item.isAnonymised(),
                    item.addedAt(),
                    item.addedBy());
        }
    }

    /**
     * @param text null when hidden from the reader (a case review's) or erased
     * @param actionsPending some of its actions are not assigned yet (they will be, by a retry)
     */
    public record DecisionView(
            String id,
            String text,
            Instant recordedAt,
            String recordedBy,
            List<DecidedAction> actions,
            boolean actionsPending) {

        public static DecisionView of(Decision decision, boolean withText) {
            return new DecisionView(
                    decision.id(),
                    withText ? decision.text() : null,
                    decision.recordedAt(),
                    decision.recordedBy(),
                    decision.actions().stream().map(DecidedAction::of).toList(),
                    !decision.actionsAssigned());
        }
    }

    /** @param actionId null until assigned */
    public record DecidedAction(int index, String actionId, String ownerId, String title, String dueOn) {

        static DecidedAction of(PlannedAction action) {
            return new DecidedAction(
                    action.index(), action.actionId(), action.ownerId(), action.title(), action.dueOn());
        }
    }

    public record ReportView(String reportId, String quarter, Instant publishedAt) {}

    public static MeetingView of(
            Meeting meeting, CurrentUser reader, Quorum quorum, LatestReport report, List<ActionView> actions) {
        AttendanceView attendance = meeting.attendanceRecordedAt() == null
                ? null
                : attendance(
                        meeting,
                        quorum.of(meeting.participants().stream()
                                .filter(p -> meeting.isPresent(p.userId()))
                                .map(Participant::profession)
                                .toList()));
        return new MeetingView(
                meeting.id(),
                meeting.version() == null ? 0 : meeting.version(),
                meeting.kind(),
                meeting.territory(),
                meeting.title(),
                meeting.status(),
                meeting.startsAt(),
                meeting.endsAt(),
                Duration.between(meeting.startsAt(), meeting.endsAt()).toMinutes(),
                meeting.venue(),
                meeting.seriesId(),
                meeting.participants().stream()
                        .map(p -> new ParticipantView(
                                p.userId(), p.profession(), p.institution(), meeting.isPresent(p.userId())))
                        .toList(),
                attendance,
                meeting.items().stream()
                        .map(item -> ItemView.of(meeting, item, reader))
                        .toList(),
                meeting.kind() == MeetingKind.STEERING_COMMITTEE && report != null
                        ? new ReportView(report.reportId(), report.quarter(), report.publishedAt())
                        : null,
                actions,
                meeting.scheduledAt(),
                meeting.heldAt(),
                meeting.cancelledAt(),
                meeting.cancellationReason());
    }

    private static AttendanceView attendance(Meeting meeting, Quorum.Standing standing) {
        return new AttendanceView(
                meeting.present(),
                meeting.present().size(),
                standing.professionsPresent(),
                new QuorumView(standing.minProfessions(), standing.reached(), standing.missing()),
                meeting.attendanceRecordedAt(),
                meeting.attendanceRecordedBy());
    }
}
