package fr.maillage.workshop.group;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import fr.maillage.platform.events.EventOutbox;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.workshop.group.GroupEvent.EnrolmentConfirmed;
import fr.maillage.workshop.group.GroupEvent.EnrolmentWaitlisted;
import fr.maillage.workshop.group.GroupEvent.GroupCancelled;
import fr.maillage.workshop.group.GroupEvent.GroupCompleted;
import fr.maillage.workshop.group.GroupEvent.GroupOpened;
import fr.maillage.workshop.group.GroupEvent.GroupScheduled;
import fr.maillage.workshop.group.GroupEvent.ParticipantCompleted;
import fr.maillage.workshop.group.GroupEvent.ParticipantWithdrew;
import fr.maillage.workshop.group.GroupEvent.Participation;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Maps a group's domain events to the integration events of {@code workshop.events.v1} (the
 * published contract, schemas in {@code resources/events/}) and puts them in the group's outbox.
 * Only pseudonymous data leaves: ids, {@code personRef}, territory, counts, codes, instants. Subject =
 * groupId, so a group's events keep their order.
 */
@Component
class GroupMessages {

    static final String GROUP_SCHEDULED = "fr.maillage.workshop.group-scheduled.v1";
    static final String GROUP_OPENED = "fr.maillage.workshop.group-opened.v1";
    static final String GROUP_CANCELLED = "fr.maillage.workshop.group-cancelled.v1";
    static final String GROUP_COMPLETED = "fr.maillage.workshop.group-completed.v1";
    static final String ENROLMENT_CONFIRMED = "fr.maillage.workshop.enrolment-confirmed.v1";
    static final String ENROLMENT_WAITLISTED = "fr.maillage.workshop.enrolment-waitlisted.v1";
    static final String PARTICIPANT_WITHDREW = "fr.maillage.workshop.participant-withdrew.v1";
    static final String PARTICIPANT_COMPLETED = "fr.maillage.workshop.participant-completed.v1";

    private final EventOutbox outbox;

    GroupMessages(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** Adds the integration events to the group's outbox, saved with the group. */
    void append(Group group, List<? extends GroupEvent> events) {
        events.forEach(event -> append(group, event));
    }

    /** Adds the integration event for {@code event} to the group's outbox, saved with the group. */
    void append(Group group, GroupEvent event) {
        group.pendingEvents().add(message(event));
    }

    private OutboundEvent message(GroupEvent event) {
        return switch (event) {
            case GroupScheduled scheduled ->
                outbox.event(
                        GROUP_SCHEDULED,
                        scheduled.groupId(),
                        scheduled.territory(),
                        audience(scheduled.programmeInstitution()),
                        new GroupScheduledV1(
                                scheduled.groupId(),
                                scheduled.programmeId(),
                                scheduled.territory(),
                                scheduled.capacity(),
                                scheduled.minParticipants(),
                                scheduled.facilitatorIds(),
                                scheduled.groupSessions(),
                                scheduled.individualSlots(),
                                text(scheduled.firstSessionAt()),
                                text(scheduled.lastSessionEndsAt()),
                                scheduled.status().name()));
            case GroupOpened opened ->
                outbox.event(
                        GROUP_OPENED,
                        opened.groupId(),
                        opened.territory(),
                        audience(opened.programmeInstitution()),
                        new GroupOpenedV1(
                                opened.groupId(),
                                opened.programmeId(),
                                opened.territory(),
                                opened.capacity(),
                                opened.facilitatorIds()));
            case GroupCancelled cancelled ->
                outbox.event(
                        GROUP_CANCELLED,
                        cancelled.groupId(),
                        cancelled.territory(),
                        audience(
                                cancelled.programmeInstitution(),
                                cancelled.participants().stream()
                                        .map(GroupEvent.Participant::referrerInstitution)
                                        .toArray(String[]::new)),
                        new GroupCancelledV1(
                                cancelled.groupId(),
                                cancelled.programmeId(),
                                cancelled.territory(),
                                cancelled.reason(),
                                cancelled.confirmedCount(),
                                cancelled.minParticipants(),
                                cancelled.participants().stream()
                                        .map(participant -> new CancelledParticipantV1(
                                                participant.enrolmentId(),
                                                participant.referralId(),
                                                participant.personRef(),
                                                participant.status().name()))
                                        .toList(),
                                text(cancelled.cancelledAt())));
            case GroupCompleted completed ->
                outbox.event(
                        GROUP_COMPLETED,
                        completed.groupId(),
                        completed.territory(),
                        audience(completed.programmeInstitution()),
                        new GroupCompletedV1(
                                completed.groupId(),
                                completed.programmeId(),
                                completed.territory(),
                                completed.groupSessions(),
                                completed.completedCount(),
                                completed.notCompletedCount(),
                                completed.withdrawnCount(),
                                text(completed.completedAt())));
            case EnrolmentConfirmed confirmed ->
                participationEvent(
                        ENROLMENT_CONFIRMED,
                        confirmed.participation(),
                        common -> new EnrolmentConfirmedV1(
                                common, text(confirmed.confirmedAt()), confirmed.promotedFromWaitlist()));
            case EnrolmentWaitlisted waitlisted ->
                participationEvent(
                        ENROLMENT_WAITLISTED,
                        waitlisted.participation(),
                        common -> new EnrolmentWaitlistedV1(
                                common, waitlisted.position(), text(waitlisted.waitlistedAt())));
            case ParticipantWithdrew withdrew ->
                participationEvent(
                        PARTICIPANT_WITHDREW,
                        withdrew.participation(),
                        common -> new ParticipantWithdrewV1(common, withdrew.reason(), text(withdrew.withdrewAt())));
            case ParticipantCompleted completed ->
                participationEvent(
                        PARTICIPANT_COMPLETED,
                        completed.participation(),
                        common -> new ParticipantCompletedV1(
                                common,
                                completed.sessionsAttended(),
                                completed.groupSessions(),
                                text(completed.completedAt())));
        };
    }

    /** An event about one person's enrolment, told to the programme's institution and their referrer's. */
    private OutboundEvent participationEvent(String type, Participation participation, Function<Common, Object> data) {
        return outbox.event(
                type,
                participation.groupId(),
                participation.territory(),
                audience(participation.programmeInstitution(), participation.referrerInstitution()),
                data.apply(Common.of(participation)));
    }

    // The programme's institution and the referrers of the people concerned. A referrer may belong to the
    // programme's own institution (one entry then), or be absent (a coordinator enrolled the person directly).
    private static Set<String> audience(String programmeInstitution, String... referrerInstitutions) {
        Set<String> audience = new LinkedHashSet<>();
        Arrays.stream(referrerInstitutions).filter(Objects::nonNull).forEach(audience::add);
        audience.add(programmeInstitution);
        return audience;
    }

    private static String text(Instant instant) {
        return instant.toString();
    }

    /** {@code fr.maillage.workshop.group-scheduled.v1} data; instants as ISO-8601 UTC strings. */
    record GroupScheduledV1(
            String groupId,
            String programmeId,
            String territory,
            int capacity,
            int minParticipants,
            List<String> facilitatorIds,
            int groupSessions,
            int individualSlots,
            String firstSessionAt,
            String lastSessionEndsAt,
            String status) {}

    /** {@code fr.maillage.workshop.group-opened.v1} data (unchanged since issue 4: referral-service reads it). */
    record GroupOpenedV1(
            String groupId, String programmeId, String territory, int capacity, List<String> facilitatorIds) {}

    /** {@code fr.maillage.workshop.group-cancelled.v1} data. */
    record GroupCancelledV1(
            String groupId,
            String programmeId,
            String territory,
            String reason,
            int confirmedCount,
            int minParticipants,
            List<CancelledParticipantV1> participants,
            String cancelledAt) {}

    /** One enrolment (CONFIRMED or WAITLISTED) of a cancelled group; referralId / personRef may be null. */
    record CancelledParticipantV1(String enrolmentId, String referralId, String personRef, String status) {}

    /** {@code fr.maillage.workshop.group-completed.v1} data. */
    record GroupCompletedV1(
            String groupId,
            String programmeId,
            String territory,
            int groupSessions,
            int completedCount,
            int notCompletedCount,
            int withdrawnCount,
            String completedAt) {}

    /**
     * What every enrolment and participant event says first: which enrolment, in which group of which
     * programme, whose (referralId null when a coordinator enrolled, personRef null once erased), where.
     */
    record Common(
            String enrolmentId,
            String groupId,
            String programmeId,
            String referralId,
            String personRef,
            String territory) {

        static Common of(Participation participation) {
            return new Common(
                    participation.enrolmentId(),
                    participation.groupId(),
                    participation.programmeId(),
                    participation.referralId(),
                    participation.personRef(),
                    participation.territory());
        }
    }

    /** {@code fr.maillage.workshop.enrolment-confirmed.v1} data. */
    record EnrolmentConfirmedV1(@JsonUnwrapped Common enrolment, String confirmedAt, boolean promotedFromWaitlist) {}

    /** {@code fr.maillage.workshop.enrolment-waitlisted.v1} data. */
    record EnrolmentWaitlistedV1(@JsonUnwrapped Common enrolment, int position, String waitlistedAt) {}

    /** {@code fr.maillage.workshop.participant-withdrew.v1} data; {@code reason} is a code. */
    record ParticipantWithdrewV1(@JsonUnwrapped Common enrolment, String reason, String withdrewAt) {}

    /** {@code fr.maillage.workshop.participant-completed.v1} data. */
    record ParticipantCompletedV1(
            @JsonUnwrapped Common enrolment, int sessionsAttended, int groupSessions, String completedAt) {}
}
