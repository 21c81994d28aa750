package fr.maillage.referral.referral;

import java.time.Instant;

/**
 * The person's consent to share their data with the receiving resource, as recorded by the referrer.
 *
 * @param given always true on a stored referral (no consent, no referral)
 * @param at when it was recorded
 * @param recordedBy the {@code sub} of who recorded it
 * @param institution the receiving institution the consent covers
 */
public record Consent(boolean given, Instant at, String recordedBy, String institution) {}
