package fr.maillage.referral.referral;

import fr.maillage.referral.resource.ResourceType;
import java.time.Instant;

/** What happens to a referral; {@code ReferralMessages} decides which of these are published. */
public sealed interface ReferralEvent {

    String referralId();

    record ReferralSubmitted(
            String referralId,
            String personRef,
            String resourceId,
            ResourceType resourceType,
            String resourceInstitution,
            String territory,
            Priority priority,
            String referrerInstitution,
            Instant submittedAt)
            implements ReferralEvent {}

    record ReferralAccepted(
            String referralId,
            String personRef,
            String resourceId,
            ResourceType resourceType,
            String resourceInstitution,
            String territory,
            Priority priority,
            String referrerInstitution,
            Instant acceptedAt)
            implements ReferralEvent {}

    record ReferralEnrolled(String referralId, String sourceEventId, Instant at) implements ReferralEvent {}

    record ReferralWaitlisted(String referralId, String sourceEventId, Integer position, Instant at)
            implements ReferralEvent {}
}
