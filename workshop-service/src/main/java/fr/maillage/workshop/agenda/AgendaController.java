package fr.maillage.workshop.agenda;

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

/** {@code GET /api/workshops/facilitators/{id}/calendar.ics}: a facilitator's sessions for calendar clients. */
@RestController
class AgendaController {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final AgendaService agenda;

    AgendaController(AgendaService agenda) {
        this.agenda = agenda;
    }

    // No "produces": a client that accepts only JSON still gets its 404 problem rather than a 406.
    @GetMapping("/api/workshops/facilitators/{id}/calendar.ics")
    ResponseEntity<byte[]> calendar(@PathVariable String id, CurrentUser user) {
        byte[] ics = agenda.calendarOf(id, user).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("maillage-ateliers.ics")
                                .build()
                                .toString())
                // Sessions move and change rooms: a client asks again rather than keep a stale copy.
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(ics);
    }
}
