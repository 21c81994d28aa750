package fr.maillage.referral.person;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One access to a person's personal data, granted or refused: who (id, username, institution, roles),
 * when, why (their {@code X-Access-Reason}) and what. The trail holds the personRef, never the identity.
 *
 * @param id time-ordered (an ObjectId), so entries of the same millisecond keep their order
 * @param action e.g. {@code read-identity}, {@code erase}
 */
@Document("person_access_log")
public record AccessLogEntry(
        @Id String id,
        String personRef,
        String whoId,
        String username,
        String institution,
        List<String> roles,
        Instant at,
        String reason,
        String action,
        boolean granted) {

    public static final String READ_IDENTITY = "read-identity";
    public static final String ERASE = "erase";

    public AccessLogEntry {
        Objects.requireNonNull(personRef, "personRef");
        Objects.requireNonNull(at, "at");
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
