package fr.maillage.evaluation.indicator;

import static fr.maillage.evaluation.indicator.FactKind.ACTION;
import static fr.maillage.evaluation.indicator.FactKind.ALERT;
import static fr.maillage.evaluation.indicator.FactKind.ENROLMENT;
import static fr.maillage.evaluation.indicator.FactKind.GROUP;
import static fr.maillage.evaluation.indicator.FactKind.MEETING;
import static fr.maillage.evaluation.indicator.FactKind.REFERRAL;
import static fr.maillage.evaluation.indicator.FactKind.SESSION;
import static java.util.Map.entry;

import fr.maillage.platform.events.IncomingEvent;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The other services' events the indicators are built from, as we read them (only the fields we use,
 * checked: an event that does not bind goes to the dead-letter topic), and what each tells about its
 * subjects ({@link FactUpdate}s). No personRef is read: the facts hold no personal data. Types not listed
 * here are ignored.
 */
public final class IndicatorEvents {

    /** A lower-case UUID, as the producers publish their ids. */
    static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    /** A territory id (also the key of the figures). */
    public static final String TERRITORY = "^[a-z0-9][a-z0-9-]{0,63}$";

    /** An enum constant of another service (kinds), kept as it comes. */
    static final String CODE = "^[A-Z][A-Z_]{0,63}$";

    static final String URGENCY = "^[A-G]$";

    public static final String REFERRAL_SUBMITTED = "fr.maillage.referral.submitted.v1";
    public static final String REFERRAL_ACCEPTED = "fr.maillage.referral.accepted.v1";
    public static final String REFERRAL_DECLINED = "fr.maillage.referral.declined.v1";
    public static final String REFERRAL_REDIRECTED = "fr.maillage.referral.redirected.v1";
    public static final String REFERRAL_CANCELLED = "fr.maillage.referral.cancelled.v1";
    public static final String REFERRAL_COMPLETED = "fr.maillage.referral.completed.v1";
    public static final String REFERRAL_OVERDUE = "fr.maillage.referral.overdue.v1";

    public static final String ALERT_RAISED = "fr.maillage.alert.raised.v1";
    public static final String ALERT_QUALIFIED = "fr.maillage.alert.qualified.v1";
    public static final String ALERT_RESPONDED = "fr.maillage.alert.responded.v1";
    public static final String ALERT_ESCALATED = "fr.maillage.alert.escalated.v1";
    public static final String ALERT_FEEDBACK_SENT = "fr.maillage.alert.feedback-sent.v1";
    public static final String ALERT_CLOSED = "fr.maillage.alert.closed.v1";

    public static final String GROUP_SCHEDULED = "fr.maillage.workshop.group-scheduled.v1";
    public static final String GROUP_OPENED = "fr.maillage.workshop.group-opened.v1";
    public static final String GROUP_CANCELLED = "fr.maillage.workshop.group-cancelled.v1";
    public static final String GROUP_COMPLETED = "fr.maillage.workshop.group-completed.v1";
    public static final String ENROLMENT_CONFIRMED = "fr.maillage.workshop.enrolment-confirmed.v1";
    public static final String ENROLMENT_WAITLISTED = "fr.maillage.workshop.enrolment-waitlisted.v1";
    public static final String PARTICIPANT_WITHDREW = "fr.maillage.workshop.participant-withdrew.v1";
    public static final String PARTICIPANT_DISENGAGED = "fr.maillage.workshop.participant-disengaged.v1";
    public static final String SESSION_HELD = "fr.maillage.workshop.session-held.v1";

    public static final String MEETING_SCHEDULED = "fr.maillage.meeting.scheduled.v1";
    public static final String MEETING_CANCELLED = "fr.maillage.meeting.cancelled.v1";
    public static final String MEETING_HELD = "fr.maillage.meeting.held.v1";
    public static final String ACTION_ASSIGNED = "fr.maillage.meeting.action-assigned.v1";
    public static final String ACTION_COMPLETED = "fr.maillage.meeting.action-completed.v1";
    public static final String ACTION_OVERDUE = "fr.maillage.meeting.action-overdue.v1";

    /** The record each projected type binds to. */
    private static final Map<String, Class<? extends ProjectedEvent>> TYPES = Map.ofEntries(
            entry(REFERRAL_SUBMITTED, ReferralSubmitted.class),
            entry(REFERRAL_ACCEPTED, ReferralAccepted.class),
            entry(REFERRAL_DECLINED, ReferralDeclined.class),
            entry(REFERRAL_REDIRECTED, ReferralRedirected.class),
            entry(REFERRAL_CANCELLED, ReferralCancelled.class),
            entry(REFERRAL_COMPLETED, ReferralCompleted.class),
            entry(REFERRAL_OVERDUE, ReferralOverdue.class),
            entry(ALERT_RAISED, AlertRaised.class),
            entry(ALERT_QUALIFIED, AlertQualified.class),
            entry(ALERT_RESPONDED, AlertResponded.class),
            entry(ALERT_ESCALATED, AlertEscalated.class),
            entry(ALERT_FEEDBACK_SENT, AlertFeedbackSent.class),
            entry(ALERT_CLOSED, AlertClosed.class),
            entry(GROUP_SCHEDULED, GroupScheduled.class),
            entry(GROUP_OPENED, GroupOpened.class),
            entry(GROUP_CANCELLED, GroupCancelled.class),
            entry(GROUP_COMPLETED, GroupCompleted.class),
            entry(ENROLMENT_CONFIRMED, EnrolmentConfirmed.class),
            entry(ENROLMENT_WAITLISTED, EnrolmentWaitlisted.class),
            entry(PARTICIPANT_WITHDREW, ParticipantWithdrew.class),
            entry(PARTICIPANT_DISENGAGED, ParticipantDisengaged.class),
            entry(SESSION_HELD, SessionHeld.class),
            entry(MEETING_SCHEDULED, MeetingScheduled.class),
            entry(MEETING_CANCELLED, MeetingCancelled.class),
            entry(MEETING_HELD, MeetingHeld.class),
            entry(ACTION_ASSIGNED, ActionAssigned.class),
            entry(ACTION_COMPLETED, ActionCompleted.class),
            entry(ACTION_OVERDUE, ActionOverdue.class));

    private IndicatorEvents() {}

    /** The event types the projection reads. */
    public static Set<String> types() {
        return new TreeMap<>(TYPES).keySet();
    }

    /** Whether the projection reads events of this type. */
    public static boolean projects(String type) {
        return type != null && TYPES.containsKey(type);
    }

    /**
     * What an event tells about its subjects; nothing for a type the indicators do not read.
     *
     * @throws fr.maillage.platform.events.InvalidEventException when its data does not bind or validate
     */
    public static List<FactUpdate> factsOf(IncomingEvent event) {
        Class<? extends ProjectedEvent> type = TYPES.get(event.type());
        if (type == null) {
            return List.of();
        }
        return event.data(type).facts();
    }

    /** An event the indicators read: the fact updates it causes. */
    public interface ProjectedEvent {
        List<FactUpdate> facts();
    }

    // ---- referral-service

    /** {@code redirectedFrom}: the referral this one continues, when a redirection created it. */
    public record ReferralSubmitted(
            @NotBlank @Pattern(regexp = UUID) String referralId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull Instant submittedAt,
            @NotNull Instant answerDueBy,
            @Pattern(regexp = UUID) String redirectedFrom)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(REFERRAL, referralId)
                    .set("territory", territory)
                    .min("submittedAt", submittedAt)
                    .set("answerDueBy", answerDueBy)
                    .set("redirection", redirectedFrom == null ? null : true));
        }
    }

    public record ReferralAccepted(
            @NotBlank @Pattern(regexp = UUID) String referralId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull Instant acceptedAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(REFERRAL, referralId)
                    .set("territory", territory)
                    .min("acceptedAt", acceptedAt));
        }
    }

    public record ReferralDeclined(
            @NotBlank @Pattern(regexp = UUID) String referralId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull Instant declinedAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(REFERRAL, referralId)
                    .set("territory", territory)
                    .min("declinedAt", declinedAt));
        }
    }

    /** Also marks the new linked referral as coming from a redirection (whichever event arrives first). */
    public record ReferralRedirected(
            @NotBlank @Pattern(regexp = UUID) String referralId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @Pattern(regexp = UUID) String toReferralId,
            @NotNull Instant redirectedAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            FactUpdate redirected = FactUpdate.of(REFERRAL, referralId)
                    .set("territory", territory)
                    .min("redirectedAt", redirectedAt);
            if (toReferralId == null) {
                return List.of(redirected);
            }
            return List.of(redirected, FactUpdate.of(REFERRAL, toReferralId).set("redirection", true));
        }
    }

    public record ReferralCancelled(
            @NotBlank @Pattern(regexp = UUID) String referralId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull Instant cancelledAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(REFERRAL, referralId)
                    .set("territory", territory)
                    .min("cancelledAt", cancelledAt));
        }
    }

    public record ReferralCompleted(
            @NotBlank @Pattern(regexp = UUID) String referralId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull Instant completedAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(REFERRAL, referralId)
                    .set("territory", territory)
                    .min("completedAt", completedAt));
        }
    }

    public record ReferralOverdue(
            @NotBlank @Pattern(regexp = UUID) String referralId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull Instant answerDueBy,
            @NotNull Instant overdueAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(REFERRAL, referralId)
                    .set("territory", territory)
                    .set("answerDueBy", answerDueBy)
                    .min("overdueAt", overdueAt));
        }
    }

    // ---- alert-service

    public record AlertRaised(
            @NotBlank @Pattern(regexp = UUID) String alertId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull Instant raisedAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(
                    FactUpdate.of(ALERT, alertId).set("territory", territory).min("raisedAt", raisedAt));
        }
    }

    /** A qualification (again on a re-qualification): each is kept, the latest decides the urgency. */
    public record AlertQualified(
            @NotBlank @Pattern(regexp = UUID) String alertId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotBlank @Pattern(regexp = URGENCY) String urgency,
            @NotNull Instant raisedAt,
            @NotNull Instant qualifiedAt,
            @NotNull Instant dueBy)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(ALERT, alertId)
                    .set("territory", territory)
                    .min("raisedAt", raisedAt)
                    .min("firstQualifiedAt", qualifiedAt)
                    .addToSet("qualifications", Map.of("at", qualifiedAt, "urgency", urgency, "dueBy", dueBy)));
        }
    }

    /** A response (the first one stops the clock); a referral made in answer is marked as coming from an alert. */
    public record AlertResponded(
            @NotBlank @Pattern(regexp = UUID) String alertId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotBlank @Pattern(regexp = URGENCY) String urgency,
            @Pattern(regexp = UUID) String referralId,
            @NotNull Instant raisedAt,
            @NotNull Instant respondedAt,
            @NotNull Boolean withinTarget)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            FactUpdate alert = FactUpdate.of(ALERT, alertId)
                    .set("territory", territory)
                    .min("raisedAt", raisedAt)
                    .addToSet("responses", Map.of("at", respondedAt, "urgency", urgency, "withinTarget", withinTarget));
            if (referralId == null) {
                return List.of(alert);
            }
            return List.of(alert, FactUpdate.of(REFERRAL, referralId).set("viaAlert", true));
        }
    }

    public record AlertEscalated(
            @NotBlank @Pattern(regexp = UUID) String alertId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull @Min(1) Integer level,
            @NotNull Instant escalatedAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(
                    FactUpdate.of(ALERT, alertId).set("territory", territory).max("escalationLevel", level));
        }
    }

    public record AlertFeedbackSent(
            @NotBlank @Pattern(regexp = UUID) String alertId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull Instant sentAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(
                    FactUpdate.of(ALERT, alertId).set("territory", territory).min("feedbackSentAt", sentAt));
        }
    }

    public record AlertClosed(
            @NotBlank @Pattern(regexp = UUID) String alertId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull Instant raisedAt,
            @NotNull Instant closedAt,
            @NotNull Boolean feedbackGiven,
            @NotNull Boolean feedbackWaived)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(ALERT, alertId)
                    .set("territory", territory)
                    .min("raisedAt", raisedAt)
                    .min("closedAt", closedAt)
                    .max("feedbackGiven", feedbackGiven)
                    .max("feedbackWaived", feedbackWaived));
        }
    }

    // ---- workshop-service

    public record GroupScheduled(
            @NotBlank @Pattern(regexp = UUID) String groupId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull @Min(1) Integer capacity,
            @NotNull Instant firstSessionAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(GROUP, groupId)
                    .set("territory", territory)
                    .set("capacity", capacity)
                    .set("firstSessionAt", firstSessionAt));
        }
    }

    public record GroupOpened(
            @NotBlank @Pattern(regexp = UUID) String groupId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull @Min(1) Integer capacity)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(
                    FactUpdate.of(GROUP, groupId).set("territory", territory).set("capacity", capacity));
        }
    }

    public record GroupCancelled(
            @NotBlank @Pattern(regexp = UUID) String groupId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,

            @NotBlank @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$")
            String reason,

            @NotNull Instant cancelledAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(GROUP, groupId)
                    .set("territory", territory)
                    .set("cancelReason", reason)
                    .min("cancelledAt", cancelledAt));
        }
    }

    public record GroupCompleted(
            @NotBlank @Pattern(regexp = UUID) String groupId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull @Min(0) Integer completedCount,
            @NotNull @Min(0) Integer notCompletedCount,
            @NotNull @Min(0) Integer withdrawnCount,
            @NotNull Instant completedAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(GROUP, groupId)
                    .set("territory", territory)
                    .min("completedAt", completedAt)
                    .set("completedCount", completedCount)
                    .set("notCompletedCount", notCompletedCount)
                    .set("withdrawnCount", withdrawnCount));
        }
    }

    public record EnrolmentConfirmed(
            @NotBlank @Pattern(regexp = UUID) String enrolmentId,
            @NotBlank @Pattern(regexp = UUID) String groupId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull Instant confirmedAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(ENROLMENT, enrolmentId)
                    .set("territory", territory)
                    .set("groupId", groupId)
                    .min("confirmedAt", confirmedAt));
        }
    }

    public record EnrolmentWaitlisted(
            @NotBlank @Pattern(regexp = UUID) String enrolmentId,
            @NotBlank @Pattern(regexp = UUID) String groupId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull Instant waitlistedAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(ENROLMENT, enrolmentId)
                    .set("territory", territory)
                    .set("groupId", groupId)
                    .min("waitlistedAt", waitlistedAt));
        }
    }

    public record ParticipantWithdrew(
            @NotBlank @Pattern(regexp = UUID) String enrolmentId,
            @NotBlank @Pattern(regexp = UUID) String groupId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull Instant withdrewAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(ENROLMENT, enrolmentId)
                    .set("territory", territory)
                    .set("groupId", groupId)
                    .min("withdrewAt", withdrewAt));
        }
    }

    public record ParticipantDisengaged(
            @NotBlank @Pattern(regexp = UUID) String enrolmentId,
            @NotBlank @Pattern(regexp = UUID) String groupId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull Instant disengagedAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(ENROLMENT, enrolmentId)
                    .set("territory", territory)
                    .set("groupId", groupId)
                    .min("firstDisengagedAt", disengagedAt));
        }
    }

    /** A session's attendance, recorded or corrected: every revision is kept by number, the highest is current. */
    public record SessionHeld(
            @NotBlank @Pattern(regexp = UUID) String groupId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull @Min(1) Integer sessionNumber,
            @NotBlank @Pattern(regexp = CODE) String kind,
            @NotNull Instant startsAt,
            @NotNull @Min(0) Integer enrolled,
            @NotNull @Min(0) Integer present,
            @NotNull @Min(1) Integer revision)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(SESSION, groupId + ":" + sessionNumber)
                    .set("territory", territory)
                    .set("groupId", groupId)
                    .set("kind", kind)
                    .set("startsAt", startsAt)
                    .max("revision", revision)
                    .set("revisions.r" + revision, Map.of("enrolled", enrolled, "present", present)));
        }
    }

    // ---- meeting-service

    public record MeetingScheduled(
            @NotBlank @Pattern(regexp = UUID) String meetingId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotBlank @Pattern(regexp = CODE) String kind,
            @NotNull Instant startsAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(MEETING, meetingId)
                    .set("territory", territory)
                    .set("kind", kind)
                    .set("startsAt", startsAt));
        }
    }

    public record MeetingCancelled(
            @NotBlank @Pattern(regexp = UUID) String meetingId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotBlank @Pattern(regexp = CODE) String kind,
            @NotNull Instant startsAt,
            @NotNull Instant cancelledAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(MEETING, meetingId)
                    .set("territory", territory)
                    .set("kind", kind)
                    .set("startsAt", startsAt)
                    .min("cancelledAt", cancelledAt));
        }
    }

    /** {@code heldAt}: the meeting's start. Published once (later corrections are not). */
    public record MeetingHeld(
            @NotBlank @Pattern(regexp = UUID) String meetingId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotBlank @Pattern(regexp = CODE) String kind,
            @NotNull Instant heldAt,
            @NotNull @Min(0) Integer professions)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(MEETING, meetingId)
                    .set("territory", territory)
                    .set("kind", kind)
                    .min("heldAt", heldAt)
                    .set("professions", professions));
        }
    }

    /** An action due by the end of {@code dueOn} (Paris). */
    public record ActionAssigned(
            @NotBlank @Pattern(regexp = UUID) String actionId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull LocalDate dueOn,
            @NotNull Instant assignedAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(ACTION, actionId)
                    .set("territory", territory)
                    .set("dueOn", dueOn)
                    .min("assignedAt", assignedAt));
        }
    }

    /** {@code onTime}: done before the end of its due day (Paris). */
    public record ActionCompleted(
            @NotBlank @Pattern(regexp = UUID) String actionId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull LocalDate dueOn,
            @NotNull Instant completedAt,
            @NotNull Boolean onTime)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(ACTION, actionId)
                    .set("territory", territory)
                    .set("dueOn", dueOn)
                    .min("completedAt", completedAt)
                    .set("onTime", onTime));
        }
    }

    public record ActionOverdue(
            @NotBlank @Pattern(regexp = UUID) String actionId,
            @NotBlank @Pattern(regexp = TERRITORY) String territory,
            @NotNull LocalDate dueOn,
            @NotNull Instant overdueAt)
            implements ProjectedEvent {
        @Override
        public List<FactUpdate> facts() {
            return List.of(FactUpdate.of(ACTION, actionId)
                    .set("territory", territory)
                    .set("dueOn", dueOn)
                    .min("overdueAt", overdueAt));
        }
    }
}
