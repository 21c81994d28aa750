package fr.maillage.workshop.group;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.workshop.group.ScheduleConflicts.Booking;
import fr.maillage.workshop.group.ScheduleConflicts.Clash;
import fr.maillage.workshop.schedule.SessionKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleConflictsTests {

    private static final Instant TWO_PM = Instant.parse("2026-12-01T13:00:00Z");
    private static final Facilitator PSY = new Facilitator("psy-durand", "clinical-psychologist");
    private static final Facilitator IDE = new Facilitator("ide-bernard", "nurse");
    private static final Facilitator ART = new Facilitator("art-therapist", "art-therapist");
    private static final Facilitator EDUC = new Facilitator("educ-petit", "special-needs-educator");

    private static Session session(
            String id, int number, int startMinutes, int minutes, String venue, Facilitator... pair) {
        Instant start = TWO_PM.plusSeconds(60L * startMinutes);
        return new Session(
                id,
                number,
                SessionKind.GROUP,
                start,
                start.plusSeconds(60L * minutes),
                venue,
                List.of(pair),
                List.of());
    }

    private static Booking booked(String groupId, Session session) {
        return new Booking(groupId, session);
    }

    @Test
    void aFacilitatorInTwoOverlappingSessionsClashes() {
        Session planned = session("new", 1, 0, 120, "Salle A", PSY, IDE);
        Session other = session("other", 3, 60, 120, "Salle B", PSY, ART);

        List<Clash> clashes = ScheduleConflicts.between(List.of(planned), List.of(booked("g2", other)));

        assertThat(clashes).containsExactly(new Clash("g2", 3, other.startsAt(), "psy-durand", null));
    }

    @Test
    void aRoomInTwoOverlappingSessionsClashesWhateverItsCaseAndSpaces() {
        Session planned = session("new", 1, 0, 120, "Salle des Tilleuls", PSY, IDE);
        Session other = session("other", 2, -60, 90, "  salle des TILLEULS ", ART, EDUC);

        List<Clash> clashes = ScheduleConflicts.between(List.of(planned), List.of(booked("g2", other)));

        assertThat(clashes).containsExactly(new Clash("g2", 2, other.startsAt(), null, "salle des TILLEULS"));
    }

    @Test
    void touchingSessionsDoNotClash() {
        Session planned = session("new", 1, 0, 120, "Salle A", PSY, IDE);
        Session before = session("before", 1, -120, 120, "Salle A", PSY, IDE);
        Session after = session("after", 1, 120, 60, "salle a", PSY, IDE);

        assertThat(ScheduleConflicts.between(List.of(planned), List.of(booked("g2", before), booked("g3", after))))
                .isEmpty();
    }

    @Test
    void overlappingSessionsSharingNobodyAndNoRoomDoNotClash() {
        Session planned = session("new", 1, 0, 120, "Salle A", PSY, IDE);
        Session other = session("other", 1, 30, 60, "Salle B", ART, EDUC);

        assertThat(ScheduleConflicts.between(List.of(planned), List.of(booked("g2", other))))
                .isEmpty();
    }

    @Test
    void everyClashIsNamedInTimeOrder() {
        Session first = session("new-1", 1, 0, 120, "Salle A", PSY, IDE);
        Session second = session("new-2", 2, 7 * 24 * 60, 120, "Salle A", PSY, IDE);
        Session later = session("other-4", 4, 7 * 24 * 60 + 30, 60, "Salle A", IDE, PSY);
        Session earlier = session("other-1", 1, 90, 60, "Salle C", ART, IDE);

        List<Clash> clashes =
                ScheduleConflicts.between(List.of(first, second), List.of(booked("g2", later), booked("g3", earlier)));

        assertThat(clashes)
                .containsExactly(
                        new Clash("g3", 1, earlier.startsAt(), "ide-bernard", null),
                        new Clash("g2", 4, later.startsAt(), "ide-bernard", null),
                        new Clash("g2", 4, later.startsAt(), "psy-durand", null),
                        new Clash("g2", 4, later.startsAt(), null, "Salle A"));
    }

    @Test
    void aSessionBeingMovedDoesNotClashWithItselfButWithItsNeighbours() {
        Session moved = session("s2", 2, 0, 120, "Salle A", PSY, IDE);
        Session itself = session("s2", 2, 30, 120, "Salle A", PSY, IDE);
        Session neighbour = session("s3", 3, 60, 120, "Salle Z", ART, EDUC);

        assertThat(ScheduleConflicts.between(List.of(moved), List.of(booked("g1", itself), booked("g1", neighbour))))
                .isEmpty();
        assertThat(ScheduleConflicts.between(
                        List.of(moved), List.of(booked("g1", session("s3", 3, 60, 120, "Salle A", ART, EDUC)))))
                .extracting(Clash::venue)
                .containsExactly("Salle A");
    }
}
