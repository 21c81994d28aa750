package fr.maillage.workshop.group;

import java.time.Instant;
import java.util.List;

/** What happened to a group: returned by {@link Group}, published by {@link GroupMessages}. */
public sealed interface GroupEvent {

    String groupId();

    /** A group opened for a programme. */
    record GroupOpened(
            String groupId,
            String programmeId,
            String programmeInstitution,
            String territory,
            int capacity,
            List<String> facilitatorIds,
            Instant openedAt)
            implements GroupEvent {}

    /** A person got one of the group's places. */
    record EnrolmentConfirmed(
            String groupId,
            String enrolmentId,
            String programmeId,
            String programmeInstitution,
            String territory,
            String referralId,
            String personRef,
            String referrerInstitution,
            Instant confirmedAt)
            implements GroupEvent {}

    /** The group was full: the person waits, at {@code position} (1 = next) in the waiting order. */
    record EnrolmentWaitlisted(
            String groupId,
            String enrolmentId,
            String programmeId,
            String programmeInstitution,
            String territory,
            String referralId,
            String personRef,
            String referrerInstitution,
            int position,
            Instant waitlistedAt)
            implements GroupEvent {}
}
