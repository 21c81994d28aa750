package fr.maillage.meeting.calendar;

import fr.maillage.platform.security.CurrentUser;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/meetings/participants/{userId}/calendar.ics}: a participant's meetings for calendar clients. */
@RestController
class ParticipantCalendarController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final ParticipantCalendarService calendars;

    ParticipantCalendarController(ParticipantCalendarService calendars) {
        this.calendars = calendars;
    }

    // No "produces": a client that accepts only JSON still gets its 404 problem rather than a 406.
    @GetMapping("/api/meetings/participants/{userId}/calendar.ics")
    ResponseEntity<byte[]> calendar(@PathVariable String userId, CurrentUser user) {
        byte[] ics = calendars.calendarOf(userId, user).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("maillage-reunions.ics")
                                .build()
                                .toString())
                // Meetings move and get cancelled: a client asks again rather than keep a stale copy.
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(ics);
    }
}
