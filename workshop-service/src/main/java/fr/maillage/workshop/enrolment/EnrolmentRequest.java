package fr.maillage.workshop.enrolment;

import fr.maillage.workshop.group.Applicant;
import fr.maillage.workshop.group.Candidate;
import fr.maillage.workshop.group.Priority;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An accepted referral asking the programme for a place. Its id is the referral id, so the same
 * acceptance received twice is one request (natural idempotency). It stays {@code PENDING} until an
 * open group takes it, then records where it went. {@code claimedUntil} is a short lease so one
 * worker at a time places a request. An anonymised request (its person was erased from the registry)
 * keeps its state and dates, names nobody, and is never placed.
 */
@Document("enrolment_requests")
public record EnrolmentRequest(
        @Id String referralId,
        String programmeId,
        String personRef,
        Priority priority,
        String territory,
        String referrerInstitution,
        Instant acceptedAt,
        String sourceEventId,
        Instant receivedAt,
        State state,
        String groupId,
        String enrolmentId,
        String claimedBy,
        Instant claimedUntil,
        Boolean anonymised)
        implements Applicant {

    @PersistenceCreator
    public EnrolmentRequest {
        // Absent from requests stored before erasure existed (and from projections): not anonymised.
        anonymised = Boolean.TRUE.equals(anonymised);
    }

    /** Whether the request still waits for a group. */
    public enum State {
        PENDING,
        PLACED
    }

    static EnrolmentRequest pending(
            String referralId,
            String programmeId,
            String personRef,
            Priority priority,
            String territory,
            String referrerInstitution,
            Instant acceptedAt,
            String sourceEventId,
            Instant receivedAt) {
        return new EnrolmentRequest(
                referralId,
                programmeId,
                personRef,
                priority,
                territory,
                referrerInstitution,
                acceptedAt,
                sourceEventId,
                receivedAt,
                State.PENDING,
                null,
                null,
                null,
                null,
                false);
    }

    /** The same request, no longer saying who it was for. */
    EnrolmentRequest withoutPerson() {
        return new EnrolmentRequest(
                referralId,
                programmeId,
                null,
                priority,
                territory,
                referrerInstitution,
                acceptedAt,
                sourceEventId,
                receivedAt,
                state,
                groupId,
                enrolmentId,
                claimedBy,
                claimedUntil,
                true);
    }

    Candidate candidate() {
        return new Candidate(referralId, personRef, priority, referrerInstitution, acceptedAt);
    }
}
