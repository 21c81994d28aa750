package fr.maillage.referral.person;

// PLACEHOLDER (issue 4 merge): contract §2, owned by the registry helper.
/** Who records a consent: the token's {@code sub} and institution. */
public record Recorder(String id, String institution) {}
