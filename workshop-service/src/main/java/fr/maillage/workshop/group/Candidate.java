package fr.maillage.workshop.group;

import java.time.Instant;
import java.util.Objects;

/**
 * A person an accepted referral sends to the programme, known only by their {@code personRef}.
 *
 * @param referrerInstitution told of the outcome, with the programme's institution
 */
public record Candidate(
        String referralId, String personRef, Priority priority, String referrerInstitution, Instant acceptedAt)
        implements Applicant {

    public Candidate {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(personRef, "personRef");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(referrerInstitution, "referrerInstitution");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }
}
