package fr.maillage.workshop.group;

import java.time.Instant;
import java.util.Objects;

/**
 * A person asking for a place in a programme's group, known only by their {@code personRef}: sent by
 * an accepted referral, or enrolled directly by a coordinator.
 *
 * @param referralId null when a coordinator enrolled the person without a referral
 * @param referrerInstitution told of the outcome, with the programme's institution; null when none
 */
public record Candidate(
        String referralId, String personRef, Priority priority, String referrerInstitution, Instant acceptedAt)
        implements Applicant {

    public Candidate {
        Objects.requireNonNull(personRef, "personRef");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }
}
