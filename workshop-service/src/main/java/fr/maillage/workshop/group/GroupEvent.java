package fr.maillage.workshop.group;

import java.time.Instant;
import java.util.List;

/** What happened to a group: returned by {@link Group}, published by {@link GroupMessages}. */
public sealed interface GroupEvent {

    String groupId();

    /** A group was scheduled for a programme, with its calendar; {@code status} PLANNED or OPEN. */
    record GroupScheduled(
            String groupId,
            String programmeId,
            String programmeInstitution,
            String territory,
            int capacity,
            int minParticipants,
            List<String> facilitatorIds,
            int groupSessions,
            int individualSlots,
            Instant firstSessionAt,
            Instant lastSessionEndsAt,
            GroupStatus status)
            implements GroupEvent {}

    /** A group opened for enrolment. */
    record GroupOpened(
            String groupId,
            String programmeId,
            String programmeInstitution,
            String territory,
            int capacity,
            List<String> facilitatorIds,
            Instant openedAt)
            implements GroupEvent {}

    /** A group will not run (or stops): everyone enrolled and their referrers are told. */
    record GroupCancelled(
            String groupId,
            String programmeId,
            String programmeInstitution,
            String territory,
            String reason,
            int confirmedCount,
            int minParticipants,
            List<Participant> participants,
            Instant cancelledAt)
            implements GroupEvent {}

    /** Someone holding or awaiting a place in a cancelled group. */
    record Participant(
            String enrolmentId,
            String referralId,
            String personRef,
            String referrerInstitution,
            EnrolmentStatus status) {}

    /** A group's last session ended. */
    record GroupCompleted(
            String groupId,
            String programmeId,
            String programmeInstitution,
            String territory,
            int groupSessions,
            int completedCount,
            int notCompletedCount,
            int withdrawnCount,
            Instant completedAt)
            implements GroupEvent {}

    /**
     * Whose enrolment, in which group of which programme and territory, and who referred them: what
     * every event about one participant says first.
     *
     * @param referralId null when a coordinator enrolled the person directly
     * @param personRef null once the person was erased from the registry
     * @param referrerInstitution null when nobody referred the person
     */
    record Participation(
            String groupId,
            String enrolmentId,
            String programmeId,
            String programmeInstitution,
            String territory,
            String referralId,
            String personRef,
            String referrerInstitution) {}

    /** An event about one person's enrolment; it reads its facts from its {@link Participation}. */
    sealed interface ParticipationEvent extends GroupEvent {

        Participation participation();

        @Override
        default String groupId() {
            return participation().groupId();
        }

        default String enrolmentId() {
            return participation().enrolmentId();
        }

        default String programmeInstitution() {
            return participation().programmeInstitution();
        }

        default String referralId() {
            return participation().referralId();
        }

        default String referrerInstitution() {
            return participation().referrerInstitution();
        }
    }

    /** A person got one of the group's places, at once or promoted from the waiting list. */
    record EnrolmentConfirmed(Participation participation, Instant confirmedAt, boolean promotedFromWaitlist)
            implements ParticipationEvent {}

    /** The group was full: the person waits, at {@code position} (1 = next) in the waiting order. */
    record EnrolmentWaitlisted(Participation participation, int position, Instant waitlistedAt)
            implements ParticipationEvent {}

    /** A person left the group or its waiting list; {@code reason} is a code, never free text. */
    record ParticipantWithdrew(Participation participation, String reason, Instant withdrewAt)
            implements ParticipationEvent {}

    /** A participant came to enough of the group sessions. */
    record ParticipantCompleted(
            Participation participation, int sessionsAttended, int groupSessions, Instant completedAt)
            implements ParticipationEvent {}
}
