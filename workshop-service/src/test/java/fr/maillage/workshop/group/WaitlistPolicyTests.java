package fr.maillage.workshop.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitlistPolicyTests {

    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");

    private static Candidate candidate(String referralId, Priority priority, int minutesAfterNine) {
        return new Candidate(
                referralId, "person-" + referralId, priority, "msp-bievre", NINE.plusSeconds(60L * minutesAfterNine));
    }

    @Test
    void urgentReferralsComeBeforeRoutineOnesWhateverTheirArrival() {
        Candidate earlyRoutine = candidate("r1", Priority.ROUTINE, 0);
        Candidate lateUrgent = candidate("r2", Priority.URGENT, 30);

        List<Candidate> order = sorted(earlyRoutine, lateUrgent);

        assertThat(order).containsExactly(lateUrgent, earlyRoutine);
    }

    @Test
    void withinOnePriorityFirstComeFirstServed() {
        Candidate second = candidate("r-b", Priority.ROUTINE, 10);
        Candidate first = candidate("r-a", Priority.ROUTINE, 5);
        Candidate urgentSecond = candidate("u-b", Priority.URGENT, 20);
        Candidate urgentFirst = candidate("u-a", Priority.URGENT, 15);

        List<Candidate> order = sorted(second, urgentSecond, first, urgentFirst);

        assertThat(order).containsExactly(urgentFirst, urgentSecond, first, second);
    }

    @Test
    void exactTiesAreBrokenTheSameWayEveryTime() {
        Candidate b = candidate("b", Priority.ROUTINE, 0);
        Candidate a = candidate("a", Priority.ROUTINE, 0);

        assertThat(sorted(b, a)).containsExactly(a, b);
        assertThat(sorted(a, b)).containsExactly(a, b);
    }

    @Test
    void peopleEnrolledWithoutAReferralKeepTheirArrivalOrderOnExactTies() {
        Candidate first = new Candidate(null, "person-1", Priority.ROUTINE, null, NINE);
        Candidate second = new Candidate(null, "person-2", Priority.ROUTINE, null, NINE);
        Candidate referred = candidate("r", Priority.ROUTINE, 0);
        Candidate urgent = new Candidate(null, "person-3", Priority.URGENT, null, NINE.plusSeconds(600));

        assertThat(sorted(first, second, referred, urgent)).containsExactly(urgent, referred, first, second);
        assertThat(sorted(second, first)).containsExactly(second, first);
    }

    private static List<Candidate> sorted(Candidate... candidates) {
        List<Candidate> list = new ArrayList<>(List.of(candidates));
        list.sort(WaitlistPolicy.ORDER);
        return list;
    }
}
