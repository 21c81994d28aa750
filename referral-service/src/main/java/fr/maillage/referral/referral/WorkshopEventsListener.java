package fr.maillage.referral.referral;

import fr.maillage.platform.events.IncomingEvent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Closes the loop from workshop-service: an enrolment confirmed or waitlisted shows on the referral.
 * Idempotent by the referral's history (it remembers the source event ids it applied).
 */
@Component
class WorkshopEventsListener {

    static final String ENROLMENT_CONFIRMED = "fr.maillage.workshop.enrolment-confirmed.v1";
    static final String ENROLMENT_WAITLISTED = "fr.maillage.workshop.enrolment-waitlisted.v1";

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
        }
        // Other workshop events (group-opened, …) say nothing about a referral.
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
}
