package fr.maillage.workshop.programme;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code maillage.workshop.programme-defaults.*}: the settings of a programme no coordinator has
 * set yet. Checked when bound (same bounds as {@link ProgrammeSettings}), so a wrong value stops the
 * service at start-up naming the key. Unset keys take {@link ProgrammeSettings#DEFAULTS}' values.
 */
@Validated
@ConfigurationProperties(prefix = ProgrammeDefaultsProperties.PREFIX, ignoreUnknownFields = false)
public record ProgrammeDefaultsProperties(
        @DefaultValue("8") @Min(1) @Max(ProgrammeSettings.MAX_SESSIONS)
        int sessionCount,

        @DefaultValue("120") @Min(ProgrammeSettings.MIN_SESSION_MINUTES) @Max(ProgrammeSettings.MAX_SESSION_MINUTES)
        int sessionMinutes,

        @DefaultValue("4") @Min(1) @Max(ProgrammeSettings.MAX_PARTICIPANTS)
        int minParticipants,

        @DefaultValue("10") @Min(1) @Max(ProgrammeSettings.MAX_PARTICIPANTS)
        int maxParticipants,

        @DefaultValue("WEEKLY") @NotNull Cadence cadence,
        @DefaultValue("true") boolean alternatingIndividualSlots) {

    static final String PREFIX = "maillage.workshop.programme-defaults";

    public ProgrammeDefaultsProperties {
        // The one rule across two keys; the single-key bounds are the annotations' (checked after binding).
        if (minParticipants > maxParticipants) {
            throw new IllegalArgumentException(PREFIX + ".min-participants (" + minParticipants + ") must not exceed "
                    + PREFIX + ".max-participants (" + maxParticipants + ")");
        }
    }

    /** The defaults as settings. */
    public ProgrammeSettings settings() {
        return new ProgrammeSettings(
                sessionCount, sessionMinutes, minParticipants, maxParticipants, cadence, alternatingIndividualSlots);
    }
}
