package fr.maillage.workshop.programme;

import java.time.Duration;
import java.util.Objects;

/**
 * How a programme's groups run: how many group sessions, how long each, how many participants, how
 * often, and whether individual follow-up slots alternate with the group sessions. The directory
 * does not carry these: a coordinator sets them here, else the configured defaults apply.
 */
public record ProgrammeSettings(
        int sessionCount,
        int sessionMinutes,
        int minParticipants,
        int maxParticipants,
        Cadence cadence,
        boolean alternatingIndividualSlots) {

    public static final int MAX_SESSIONS = 52;
    public static final int MIN_SESSION_MINUTES = 15;
    public static final int MAX_SESSION_MINUTES = 480;
    public static final int MAX_PARTICIPANTS = 50;

    /** The settings a programme has until a coordinator says otherwise (also the configuration's defaults). */
    public static final ProgrammeSettings DEFAULTS = new ProgrammeSettings(8, 120, 4, 10, Cadence.WEEKLY, true);

    public ProgrammeSettings {
        Objects.requireNonNull(cadence, "cadence");
        if (sessionCount < 1 || sessionCount > MAX_SESSIONS) {
            throw new IllegalArgumentException("sessionCount must be between 1 and " + MAX_SESSIONS);
        }
        if (sessionMinutes < MIN_SESSION_MINUTES || sessionMinutes > MAX_SESSION_MINUTES) {
            throw new IllegalArgumentException(
                    "sessionMinutes must be between " + MIN_SESSION_MINUTES + " and " + MAX_SESSION_MINUTES);
        }
        if (minParticipants < 1 || minParticipants > maxParticipants || maxParticipants > MAX_PARTICIPANTS) {
            throw new IllegalArgumentException(
                    "participants must satisfy 1 <= minParticipants <= maxParticipants <= " + MAX_PARTICIPANTS);
        }
    }

    public Duration sessionLength() {
        return Duration.ofMinutes(sessionMinutes);
    }
}
