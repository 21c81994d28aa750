package fr.maillage.meeting.meeting;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Meetings are planned in Paris local time; the API and the store speak UTC instants. */
public final class ParisTime {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public static final String INVALID_START = "invalid-start";

    private ParisTime() {}

    /**
     * A start given as a Paris local date-time ({@code 2026-12-08T14:00}) or as an instant
     * ({@code 2026-12-08T13:00:00Z}, or with an offset).
     *
     * @throws MeetingRuleViolation 400 {@code invalid-start} when it is neither
     */
    public static Instant instant(String text, String field) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(text).atZone(PARIS).toInstant();
            } catch (DateTimeParseException notALocalTime) {
                throw MeetingRuleViolation.badRequest(
                                INVALID_START,
                                field + " is a Paris local date-time (2026-12-08T14:00) or an ISO-8601 instant "
                                        + "(2026-12-08T13:00:00Z); '" + text + "' is neither.")
                        .with("field", field);
            }
        }
    }
}
