package fr.maillage.workshop.group;

import java.time.Instant;

/** Someone asking for a place: what the {@link WaitlistPolicy} orders by. */
public interface Applicant {

    /** Null when a coordinator enrolled the person directly. */
    String referralId();

    Priority priority();

    /** When the referral was accepted (or the coordinator enrolled them): "first come" is measured from there. */
    Instant acceptedAt();
}
