package fr.maillage.workshop.group;

import java.time.Instant;
import java.util.Objects;

/**
 * One person's enrolment in a group (a value inside the {@link Group} document).
 *
 * @param referralId null when a coordinator enrolled the person directly
 * @param personRef null once anonymised
 * @param referrerInstitution null when nobody referred the person
 * @param enrolledAt when the group took the enrolment (confirmed or waitlisted)
 * @param anonymised the person was erased from the registry: the enrolment still counts, with its status
 *     and dates, but no longer says who
 * @param statusChangedAt when the status last changed (promotion, withdrawal, completion); null until then
 * @param withdrawalReason the code given at withdrawal
 * @param sessionsAttended group sessions attended, known at completion
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
        Boolean anonymised,
        Instant statusChangedAt,
        String withdrawalReason,
        Integer sessionsAttended)
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
                false,
                null,
                null,
                null);
    }

    /** The same enrolment, no longer saying who it was (status, dates, priority and referral kept). */
    Enrolment withoutPerson() {
        return new Enrolment(
                id,
                referralId,
                null,
                priority,
                referrerInstitution,
                acceptedAt,
                status,
                enrolledAt,
                true,
                statusChangedAt,
                withdrawalReason,
                sessionsAttended);
    }

    Enrolment promoted(Instant now) {
        return withStatus(EnrolmentStatus.CONFIRMED, now, null, null);
    }

    Enrolment withdrawn(String reason, Instant now) {
        return withStatus(EnrolmentStatus.WITHDRAWN, now, reason, null);
    }

    Enrolment concluded(EnrolmentStatus outcome, int attended, Instant now) {
        return withStatus(outcome, now, null, attended);
    }

    private Enrolment withStatus(EnrolmentStatus newStatus, Instant now, String reason, Integer attended) {
        return new Enrolment(
                id,
                referralId,
                personRef,
                priority,
                referrerInstitution,
                acceptedAt,
                newStatus,
                enrolledAt,
                anonymised,
                now,
                reason,
                attended);
    }

    boolean isOf(String personRef) {
        return personRef != null && personRef.equals(this.personRef);
    }

    boolean isFor(String referralId) {
        return referralId != null && referralId.equals(this.referralId);
    }

    public boolean isConfirmed() {
        return status == EnrolmentStatus.CONFIRMED;
    }

    public boolean isWaitlisted() {
        return status == EnrolmentStatus.WAITLISTED;
    }

    /** Holds a place or waits for one. */
    public boolean isActive() {
        return isConfirmed() || isWaitlisted();
    }

    /** Takes (or took) part in the sessions: confirmed, or concluded at the group's end. */
    public boolean isParticipant() {
        return status == EnrolmentStatus.CONFIRMED
                || status == EnrolmentStatus.COMPLETED
                || status == EnrolmentStatus.NOT_COMPLETED;
    }

    public boolean hasReferral() {
        return Objects.nonNull(referralId);
    }
}
