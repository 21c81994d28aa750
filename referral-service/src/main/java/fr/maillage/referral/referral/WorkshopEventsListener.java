package fr.maillage.referral.referral;

import fr.maillage.platform.events.IncomingEvent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Closes the loop from workshop-service: an enrolment confirmed or waitlisted, missed sessions, a
 * withdrawal, a cancelled group and a completed workshop show on the referral. Idempotent by the referral's
 * history (it remembers the source event ids it applied). Invalid data fails binding and goes to the
 * dead-letter topic; a referral id unknown here is logged (by id) and ignored.
 */
@Component
class WorkshopEventsListener {

    static final String ENROLMENT_CONFIRMED = "fr.maillage.workshop.enrolment-confirmed.v1";
    static final String ENROLMENT_WAITLISTED = "fr.maillage.workshop.enrolment-waitlisted.v1";
    static final String PARTICIPANT_DISENGAGED = "fr.maillage.workshop.participant-disengaged.v1";
    static final String PARTICIPANT_WITHDREW = "fr.maillage.workshop.participant-withdrew.v1";
    static final String GROUP_CANCELLED = "fr.maillage.workshop.group-cancelled.v1";
    static final String PARTICIPANT_COMPLETED = "fr.maillage.workshop.participant-completed.v1";

    /** A participant who had left before the group was cancelled: their referral already says so. */
    private static final String WITHDRAWN = "WITHDRAWN";

    private final ReferralService referrals;

    WorkshopEventsListener(ReferralService referrals) {
        this.referrals = referrals;
    }

    @KafkaListener(topics = "${maillage.referral.workshop-events-topic}", groupId = "referral-service")
    void on(IncomingEvent event) {
        if (event.is(ENROLMENT_CONFIRMED)) {
            EnrolmentConfirmed confirmed = event.data(EnrolmentConfirmed.class);
            referrals.recordEnrolment(confirmed.referralId(), event.id(), confirmed.confirmedAt());
        } else if (event.is(ENROLMENT_WAITLISTED)) {
            EnrolmentWaitlisted waitlisted = event.data(EnrolmentWaitlisted.class);
            referrals.recordWaitlisting(
                    waitlisted.referralId(), event.id(), waitlisted.position(), waitlisted.waitlistedAt());
        } else if (event.is(PARTICIPANT_DISENGAGED)) {
            ParticipantDisengaged disengaged = event.data(ParticipantDisengaged.class);
            participation(
                    disengaged.referralId(),
                    ReferralAction.SESSION_UNATTENDED,
                    event.id(),
                    null,
                    disengaged.disengagedAt());
        } else if (event.is(PARTICIPANT_WITHDREW)) {
            ParticipantWithdrew withdrew = event.data(ParticipantWithdrew.class);
            participation(
                    withdrew.referralId(),
                    ReferralAction.WORKSHOP_WITHDRAWN,
                    event.id(),
                    withdrew.reason(),
                    withdrew.withdrewAt());
        } else if (event.is(PARTICIPANT_COMPLETED)) {
            ParticipantCompleted completed = event.data(ParticipantCompleted.class);
            participation(
                    completed.referralId(),
                    ReferralAction.WORKSHOP_COMPLETED,
                    event.id(),
                    null,
                    completed.completedAt());
        } else if (event.is(GROUP_CANCELLED)) {
            groupCancelled(event.id(), event.data(GroupCancelled.class));
        }
        // Other workshop events (group-opened, session-held, …) say nothing about a referral.
    }

    private void participation(String referralId, ReferralAction step, String eventId, String reason, Instant at) {
        // Enrolled by a coordinator without a referral: no referral to tell.
        if (referralId != null) {
            referrals.recordParticipation(referralId, step, eventId, reason, at);
        }
    }

    /**
     * One history entry on each participant's referral. Every referral is tried even when one refuses (a
     * referral never accepted): those recorded stay recorded (a redelivery skips them by event id), and the
     * first refusal is rethrown so the event still reaches the dead-letter topic for a human.
     */
    private void groupCancelled(String eventId, GroupCancelled cancelled) {
        RuntimeException refused = null;
        for (Participant participant : cancelled.participants()) {
            if (participant.referralId() == null || WITHDRAWN.equals(participant.status())) {
                continue;
            }
            try {
                referrals.recordParticipation(
                        participant.referralId(),
                        ReferralAction.GROUP_CANCELLED,
                        eventId,
                        cancelled.reason(),
                        cancelled.cancelledAt());
            } catch (RuntimeException e) {
                if (refused == null) {
                    refused = e;
                } else {
                    refused.addSuppressed(e);
                }
            }
        }
        if (refused != null) {
            throw refused;
        }
    }

    /** The fields of {@code fr.maillage.workshop.enrolment-confirmed.v1} this consumer reads. */
    record EnrolmentConfirmed(
            @NotBlank String enrolmentId,
            String referralId,
            @NotNull Instant confirmedAt) {}

    /** The fields of {@code fr.maillage.workshop.enrolment-waitlisted.v1} this consumer reads. */
    record EnrolmentWaitlisted(
            @NotBlank String enrolmentId,
            String referralId,
            Integer position,
            @NotNull Instant waitlistedAt) {}

    /** The fields of {@code fr.maillage.workshop.participant-disengaged.v1} this consumer reads. */
    record ParticipantDisengaged(
            @NotBlank String enrolmentId,
            String referralId,
            @NotNull Instant disengagedAt) {}

    /** The fields of {@code fr.maillage.workshop.participant-withdrew.v1} this consumer reads. */
    record ParticipantWithdrew(
            @NotBlank String enrolmentId,
            String referralId,
            String reason,
            @NotNull Instant withdrewAt) {}

    /** The fields of {@code fr.maillage.workshop.participant-completed.v1} this consumer reads. */
    record ParticipantCompleted(
            @NotBlank String enrolmentId,
            String referralId,
            @NotNull Instant completedAt) {}

    /** The fields of {@code fr.maillage.workshop.group-cancelled.v1} this consumer reads. */
    record GroupCancelled(
            @NotBlank String groupId,
            String reason,
            @NotNull List<@Valid @NotNull Participant> participants,
            @NotNull Instant cancelledAt) {}

    /** One participant of a cancelled group ({@code status}: their enrolment's, e.g. CONFIRMED or WAITLISTED). */
    record Participant(@NotBlank String enrolmentId, String referralId, String status) {}
}
