package fr.maillage.workshop.agenda;

import fr.maillage.workshop.schedule.SessionKind;
import java.time.Instant;
import java.util.List;

/** One session in a facilitator's agenda: where, when, with what, never with whom among participants. */
public record AgendaEntry(
        String sessionId,
        String groupId,
        String programmeId,
        String territory,
        int number,
        int entryCount,
        SessionKind kind,
        Instant startsAt,
        Instant endsAt,
        String venue,
        List<String> materials,
        List<String> facilitatorIds) {}
