package fr.maillage.referral.referral;

import fr.maillage.platform.events.EventOutbox;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The published contract of referrals on {@code referral.events.v1}. Pseudonymous by construction: a
 * personRef, never a name, birth date or the free-text reason (the schemas forbid extra fields).
 */
@Component
class ReferralMessages {

    static final String SUBMITTED = "fr.maillage.referral.submitted.v1";
    static final String ACCEPTED = "fr.maillage.referral.accepted.v1";

    private final EventOutbox outbox;

    ReferralMessages(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** Adds the integration events to the referral's outbox; they leave with the next save. */
    void stage(Referral referral, List<? extends ReferralEvent> events) {
        for (ReferralEvent event : events) {
            switch (event) {
                case ReferralEvent.ReferralSubmitted submitted ->
                    referral.pendingEvents()
                            .add(outbox.event(
                                    SUBMITTED,
                                    submitted.referralId(),
                                    submitted.territory(),
                                    audience(submitted.referrerInstitution(), submitted.resourceInstitution()),
                                    new SubmittedV1(
                                            submitted.referralId(),
                                            submitted.personRef(),
                                            submitted.resourceId(),
                                            submitted.resourceType().name(),
                                            submitted.territory(),
                                            submitted.priority().name(),
                                            submitted.referrerInstitution(),
                                            submitted.submittedAt().toString())));
                case ReferralEvent.ReferralAccepted accepted ->
                    referral.pendingEvents()
                            .add(outbox.event(
                                    ACCEPTED,
                                    accepted.referralId(),
                                    accepted.territory(),
                                    audience(accepted.referrerInstitution(), accepted.resourceInstitution()),
                                    new AcceptedV1(
                                            accepted.referralId(),
                                            accepted.personRef(),
                                            accepted.resourceId(),
                                            accepted.resourceType().name(),
                                            accepted.territory(),
                                            accepted.priority().name(),
                                            accepted.referrerInstitution(),
                                            accepted.acceptedAt().toString())));
                // Enrolments come from workshop-service, which already told the same audience: nothing to re-publish.
                case ReferralEvent.ReferralEnrolled enrolled -> {}
                case ReferralEvent.ReferralWaitlisted waitlisted -> {}
            }
        }
    }

    /** The referrer's institution and the receiving one (once when they are the same). */
    private static TreeSet<String> audience(String referrerInstitution, String resourceInstitution) {
        return new TreeSet<>(List.of(referrerInstitution, resourceInstitution));
    }

    /** {@code events/fr.maillage.referral.submitted.v1.json}. */
    record SubmittedV1(
            String referralId,
            String personRef,
            String resourceId,
            String resourceType,
            String territory,
            String priority,
            String referrerInstitution,
            String submittedAt) {}

    /** {@code events/fr.maillage.referral.accepted.v1.json}. */
    record AcceptedV1(
            String referralId,
            String personRef,
            String resourceId,
            String resourceType,
            String territory,
            String priority,
            String referrerInstitution,
            String acceptedAt) {}
}
