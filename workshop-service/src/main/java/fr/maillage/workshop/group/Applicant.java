package fr.maillage.workshop.group;

import java.time.Instant;

/** Someone asking for a place: what the {@link WaitlistPolicy} orders by. */
public interface Applicant {

    String referralId();

    Priority priority();

    /** When the referral was accepted: "first come" is measured from there. */
    Instant acceptedAt();
}
