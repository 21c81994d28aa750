package fr.maillage.referral.person;

import java.util.Objects;

/**
 * Who records a consent.
 *
 * @param id the token's {@code sub}
 * @param institution the recorder's institution (may be null)
 */
public record Recorder(String id, String institution) {

    public Recorder {
        Objects.requireNonNull(id, "id");
    }
}
