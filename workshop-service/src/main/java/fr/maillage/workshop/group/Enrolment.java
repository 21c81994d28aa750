package fr.maillage.workshop.group;

import java.time.Instant;

/**
 * One person's enrolment in a group (a value inside the {@link Group} document).
 *
 * @param enrolledAt when the group took the enrolment (confirmed or waitlisted)
 */
public record Enrolment(
        String id,
        String referralId,
        String personRef,
        Priority priority,
        String referrerInstitution,
        Instant acceptedAt,
        EnrolmentStatus status,
        Instant enrolledAt)
        implements Applicant {

    static Enrolment of(String id, Candidate candidate, EnrolmentStatus status, Instant now) {
        return new Enrolment(
                id,
                candidate.referralId(),
                candidate.personRef(),
                candidate.priority(),
                candidate.referrerInstitution(),
                candidate.acceptedAt(),
                status,
                now);
    }

    public boolean isConfirmed() {
        return status == EnrolmentStatus.CONFIRMED;
    }

    public boolean isWaitlisted() {
        return status == EnrolmentStatus.WAITLISTED;
    }
}
