package fr.maillage.referral.referral;

import java.time.Instant;

/**
 * The person's consent that covers this referral's target, as found or recorded in the person registry.
 *
 * @param given always true on a stored referral (no consent, no referral)
 * @param at when the consent was given
 * @param recordedBy the {@code sub} of who recorded it
 * @param institution the receiving institution it covers
 * @param consentId the registry's consent record
 * @param recordedWithReferral recorded inline with this referral (else an earlier consent covered it)
 */
public record Consent(
        boolean given,
        Instant at,
        String recordedBy,
        String institution,
        String consentId,
        boolean recordedWithReferral) {}
