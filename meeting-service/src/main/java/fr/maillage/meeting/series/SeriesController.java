package fr.maillage.meeting.series;

import fr.maillage.meeting.meeting.Meeting;
import fr.maillage.meeting.meeting.MeetingKind;
import fr.maillage.meeting.meeting.MeetingService;
import fr.maillage.meeting.meeting.MeetingView;
import fr.maillage.meeting.meeting.Participant;
import fr.maillage.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/meetings/series}: a coordinator schedules a recurring meeting at once. */
@RestController
class SeriesController {

    private final SeriesService series;
    private final MeetingService meetings;

    SeriesController(SeriesService series, MeetingService meetings) {
        this.series = series;
        this.meetings = meetings;
    }

    @PostMapping("/api/meetings/series")
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    ResponseEntity<SeriesView> create(@Valid @RequestBody CreateSeries body, CurrentUser user) {
        SeriesService.Created created = series.create(
                new SeriesService.SeriesPlan(
                        body.kind(),
                        body.territory(),
                        body.title(),
                        body.recurrence().toRecurrence(),
                        body.from(),
                        body.count(),
                        body.venue(),
                        body.participants().stream()
                                .map(p -> new Participant(
                                        p.userId().trim(),
                                        p.profession().trim(),
                                        p.institution().trim()))
                                .toList()),
                user);
        return ResponseEntity.created(URI.create("/api/meetings?seriesId=" + created.seriesId()))
                .body(new SeriesView(
                        created.seriesId(),
                        created.meetings().stream()
                                .map(meeting -> meetings.view(meeting, user, false))
                                .toList()));
    }

    /** The series and its meetings, soonest first. */
    record SeriesView(String seriesId, List<MeetingView> meetings) {}

    /** Body of {@code POST /api/meetings/series}. */
    record CreateSeries(
            @NotNull MeetingKind kind,

            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*")
            String territory,

            @NotBlank @Size(max = 120) String title,
            @NotNull @Valid RecurrenceBody recurrence,
            @NotNull LocalDate from,

            @NotNull @Min(1) @Max(SeriesService.MAX_OCCURRENCES)
            Integer count,

            @Size(max = 200) String venue,

            @NotNull @Size(min = 1, max = Meeting.MAX_PARTICIPANTS)
            List<@NotNull @Valid ParticipantBody> participants) {}

    /**
     * @param ordinal 1 to 4, or -1 for the last such day of the month
     * @param monthOfQuarter 1 to 3, QUARTERLY only (absent: the first month)
     * @param at Paris local time, e.g. {@code 18:30}
     */
    record RecurrenceBody(
            @NotNull Recurrence.Frequency frequency,
            @NotNull @Min(-1) @Max(4) Integer ordinal,
            @NotNull DayOfWeek day,
            @Min(0) @Max(3) Integer monthOfQuarter,
            @NotNull LocalTime at,

            @NotNull @Min(Meeting.MIN_DURATION_MINUTES) @Max(Meeting.MAX_DURATION_MINUTES)
            Integer durationMinutes) {

        Recurrence toRecurrence() {
            return new Recurrence(
                    frequency, ordinal, day, monthOfQuarter == null ? 0 : monthOfQuarter, at, durationMinutes);
        }
    }

    record ParticipantBody(
            @NotBlank @Size(max = 100) String userId,
            @NotBlank @Size(max = 64) String profession,
            @NotBlank @Size(max = 100) String institution) {}
}
