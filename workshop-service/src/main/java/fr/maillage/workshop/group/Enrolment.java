package fr.maillage.workshop.group;

import java.time.Instant;

/**
 * One person's enrolment in a group (a value inside the {@link Group} document).
 *
 * @param personRef null once anonymised
 * @param enrolledAt when the group took the enrolment (confirmed or waitlisted)
 * @param anonymised the person was erased from the registry: the enrolment still counts, with its status
 *     and dates, but no longer says who
 */
public record Enrolment(
        String id,
        String referralId,
        String personRef,
        Priority priority,
        String referrerInstitution,
        Instant acceptedAt,
        EnrolmentStatus status,
        Instant enrolledAt,
        Boolean anonymised)
        implements Applicant {

    public Enrolment {
        // Absent from enrolments stored before erasure existed: not anonymised.
        anonymised = Boolean.TRUE.equals(anonymised);
    }

    static Enrolment of(String id, Candidate candidate, EnrolmentStatus status, Instant now) {
        return new Enrolment(
                id,
                candidate.referralId(),
                candidate.personRef(),
                candidate.priority(),
                candidate.referrerInstitution(),
                candidate.acceptedAt(),
                status,
                now,
                false);
    }

    /** The same enrolment, no longer saying who it was (status, dates, priority and referral kept). */
    Enrolment withoutPerson() {
        return new Enrolment(id, referralId, null, priority, referrerInstitution, acceptedAt, status, enrolledAt, true);
    }

    boolean isOf(String personRef) {
        return personRef != null && personRef.equals(this.personRef);
    }

    public boolean isConfirmed() {
        return status == EnrolmentStatus.CONFIRMED;
    }

    public boolean isWaitlisted() {
        return status == EnrolmentStatus.WAITLISTED;
    }
}
