package fr.maillage.referral.referral;

import java.util.Objects;

/**
 * Who sent the referral and learns what happened to it.
 *
 * @param id the token's {@code sub}
 * @param username the token's {@code preferred_username}, for humans reading the history
 * @param institution the referrer's institution
 * @param clientId the partner system's client id when a partner system referred (else null)
 */
public record Referrer(String id, String username, String institution, String clientId) {

    public Referrer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(institution, "institution");
    }
}
