package fr.maillage.meeting.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Meetings built in memory for the unit tests. */
final class TestMeetings {

    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    static final Instant START = Instant.parse("2026-12-08T17:30:00Z");

    static final Participant GP = new Participant("gp", "general-practitioner", "msp-bievre");
    static final Participant NURSE = new Participant("ide", "nurse", "msp-bievre");
    static final Participant PSY = new Participant("psy", "clinical-psychologist", "lieu-dit");
    static final Participant SECOND_GP = new Participant("gp2", "general-practitioner", "cmp-bievre");

    private TestMeetings() {}

    static Meeting.Scheduled scheduled(MeetingKind kind, List<Participant> participants) {
        return Meeting.schedule(
                new Meeting.Plan(
                        UUID.randomUUID().toString(),
                        kind,
                        "bievre",
                        "Groupe du mois",
                        START,
                        120,
                        "Salle des Tilleuls",
                        null,
                        participants,
                        "coord"),
                NOW);
    }

    static Meeting meeting(MeetingKind kind) {
        return scheduled(kind, List.of(GP, NURSE, PSY, SECOND_GP)).meeting();
    }
}
