package fr.maillage.referral.person;

import java.time.LocalDate;
import java.util.Objects;

// PLACEHOLDER (issue 4 merge): phone, email and gp added by the contract (§2); the registry helper owns this file.
/**
 * Who a person is: the only place their name and birth date exist in the platform. {@link #toString()}
 * is redacted so an identity never lands in a log line by accident.
 */
public record Identity(
        String familyName,
        String givenName,
        LocalDate birthDate,
        String commune,
        String phone,
        String email,
        String gp) {

    public Identity {
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(commune, "commune");
    }

    public Identity(String familyName, String givenName, LocalDate birthDate, String commune) {
        this(familyName, givenName, birthDate, commune, null, null, null);
    }

    @Override
    public String toString() {
        return "Identity[redacted]";
    }
}
