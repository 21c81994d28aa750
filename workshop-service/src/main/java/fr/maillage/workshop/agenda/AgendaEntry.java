package fr.maillage.workshop.agenda;

import fr.maillage.workshop.schedule.SessionKind;
import java.time.Instant;
import java.util.List;

/**
 * One session in a facilitator's agenda: where, when, with what, never with whom among participants.
 *
 * @param number the session's rank among its group's sessions of the same {@code kind} (1-based, in
 *     calendar order): the 3rd group session is 3 whether or not individual slots come between
 * @param ofKind how many sessions of that {@code kind} its group has
 */
public record AgendaEntry(
        String sessionId,
        String groupId,
        String programmeId,
        String territory,
        int number,
        int ofKind,
        SessionKind kind,
        Instant startsAt,
        Instant endsAt,
        String venue,
        List<String> materials,
        List<String> facilitatorIds) {}
