package fr.maillage.workshop.programme;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.web.ETags;
import fr.maillage.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/workshops/programmes}: a programme as this service knows it, with the settings its
 * groups run with; coordinators of its territory (and admins) set those settings.
 */
@RestController
@RequestMapping("/api/workshops/programmes")
class ProgrammeController {

    private final ProgrammeService service;

    ProgrammeController(ProgrammeService service) {
        this.service = service;
    }

    @GetMapping("/{id}")
    ResponseEntity<ProgrammeView> get(@PathVariable String id, CurrentUser user) {
        Programme programme = service.readableBy(id, user);
        return ResponseEntity.ok()
                .eTag(ETags.of(programme.version()))
                .body(ProgrammeView.of(programme, service.settingsOf(programme)));
    }

    /** Replaces the settings; {@code If-Match} is optional (without it the last change wins). */
    @PutMapping("/{id}/settings")
    ResponseEntity<ProgrammeView> putSettings(
            @PathVariable String id,
            @Valid @RequestBody SettingsBody body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            CurrentUser user) {
        Programme programme = service.changeSettings(id, body.toSettings(), user, ifMatch);
        return ResponseEntity.ok()
                .eTag(ETags.of(programme.version()))
                .body(ProgrammeView.of(programme, service.settingsOf(programme)));
    }

    /** Body of {@code PUT .../settings}: every field of {@link ProgrammeSettings}, each checked here. */
    record SettingsBody(
            @NotNull @Min(1) @Max(ProgrammeSettings.MAX_SESSIONS)
            Integer sessionCount,

            @NotNull @Min(ProgrammeSettings.MIN_SESSION_MINUTES) @Max(ProgrammeSettings.MAX_SESSION_MINUTES)
            Integer sessionMinutes,

            @NotNull @Min(1) @Max(ProgrammeSettings.MAX_PARTICIPANTS)
            Integer minParticipants,

            @NotNull @Min(1) @Max(ProgrammeSettings.MAX_PARTICIPANTS)
            Integer maxParticipants,

            @NotNull Cadence cadence,
            @NotNull Boolean alternatingIndividualSlots) {

        /** The settings; the one rule across two fields is answered like the single-field ones (400, naming it). */
        ProgrammeSettings toSettings() {
            if (minParticipants > maxParticipants) {
                String message = "must not exceed maxParticipants (" + maxParticipants + ")";
                Map<String, String> error = new LinkedHashMap<>();
                error.put("field", "minParticipants");
                error.put("message", message);
                throw new ProblemException(
                                HttpStatus.BAD_REQUEST,
                                "validation-failed",
                                "Invalid request",
                                "1 field is invalid: minParticipants (" + message + ").")
                        .with("errors", List.of(error));
            }
            return new ProgrammeSettings(
                    sessionCount,
                    sessionMinutes,
                    minParticipants,
                    maxParticipants,
                    cadence,
                    alternatingIndividualSlots);
        }
    }

    /**
     * {@code settings} are the ones groups of this programme are planned with; {@code usesDefaults}
     * is true while no coordinator has set them (they then follow the configured defaults).
     */
    record ProgrammeView(
            String id,
            String type,
            String institution,
            String territory,
            List<String> communes,
            String status,
            boolean acceptsGroups,
            Instant describedAt,
            ProgrammeSettings settings,
            boolean usesDefaults) {

        static ProgrammeView of(Programme programme, ProgrammeSettings effective) {
            return new ProgrammeView(
                    programme.id(),
                    programme.type(),
                    programme.institution(),
                    programme.territory(),
                    programme.communes(),
                    programme.status(),
                    programme.acceptsGroups(),
                    programme.describedAt(),
                    effective,
                    !programme.hasOwnSettings());
        }
    }
}
