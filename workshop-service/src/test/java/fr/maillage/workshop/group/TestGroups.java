package fr.maillage.workshop.group;

import fr.maillage.workshop.programme.Cadence;
import fr.maillage.workshop.schedule.SessionCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Groups for unit tests: weekly sessions from 1 December 2026, 14:00 Paris, no holiday in the way. */
final class TestGroups {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final LocalDateTime FIRST = LocalDateTime.parse("2026-12-01T14:00");
    static final Facilitator PSY = new Facilitator("psy-durand", "clinical-psychologist");
    static final Facilitator IDE = new Facilitator("ide-bernard", "nurse");
    static final Facilitators PAIR = Facilitators.of(List.of(PSY, IDE));

    private static final SessionCalendar NO_HOLIDAYS = new SessionCalendar(date -> false);

    private TestGroups() {}

    /** {@code groupSessions} weekly two-hour group sessions, with individual slots between them when asked. */
    static List<Session> calendar(int groupSessions, boolean alternating) {
        AtomicInteger ids = new AtomicInteger();
        return Group.calendar(
                NO_HOLIDAYS.generate(FIRST, Cadence.WEEKLY, groupSessions, Duration.ofHours(2), alternating),
                PAIR,
                "Salle des Tilleuls",
                List.of("livres", "goûter"),
                () -> "session-" + ids.incrementAndGet());
    }

    static Group.Scheduled scheduled(String id, int capacity, int minParticipants, boolean open) {
        return Group.schedule(
                new Group.Plan(
                        id,
                        "programme-1",
                        "lieu-dit",
                        "bievre",
                        capacity,
                        minParticipants,
                        PAIR,
                        "Salle des Tilleuls",
                        calendar(4, true)),
                open,
                NOW);
    }

    /** An OPEN group of 4 group sessions (7 entries), minimum 1. */
    static Group group(int capacity) {
        return scheduled("g1", capacity, 1, true).group();
    }

    static Group group(int capacity, int minParticipants) {
        return scheduled("g1", capacity, minParticipants, true).group();
    }

    static Candidate candidate(String referralId, Priority priority, int minutes) {
        return new Candidate(
                referralId, "person-" + referralId, priority, "msp-bievre", NOW.plusSeconds(60L * minutes));
    }
}
