package fr.maillage.evaluation.indicator;

import fr.maillage.evaluation.indicator.TestEvents.TestEvent;
import fr.maillage.evaluation.period.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A quarter of a territory's life touching every indicator (referrals, alerts, workshops, meetings), in the
 * order it happened. Fresh ids each time, so two territories can live the same quarter.
 */
public final class IndicatorScenario {

    private IndicatorScenario() {}

    /** Referrals: 7 in the quarter (statuses, sources, an overdue one). */
    static final int REFERRALS = 7;
    /** Alerts: 6 in the quarter, 2 escalated. */
    static final int ALERTS = 6;
    /** People waiting at the quarter's end. */
    static final int WAITING_AT_END = 2;

    public static List<TestEvent> quarter(TestEvents ev, Period quarter) {
        List<TestEvent> events = new ArrayList<>();
        Day day = new Day(quarter.firstDay());

        // ---- referrals
        String r1 = TestEvents.newId();
        String r2 = TestEvents.newId();
        String r3 = TestEvents.newId();
        String r4 = TestEvents.newId();
        String r5 = TestEvents.newId();
        String r6 = TestEvents.newId();
        String r7 = TestEvents.newId();
        Duration week = Duration.ofDays(7);
        events.add(ev.referralSubmitted(r1, day.at(1, 9), week));
        events.add(ev.referralAccepted(r1, day.at(2, 11)));
        events.add(ev.referralCompleted(r1, day.at(40, 16)));
        events.add(ev.referralSubmitted(r2, day.at(3, 10), week));
        events.add(ev.referralDeclined(r2, day.at(5, 15)));
        events.add(ev.referralSubmitted(r3, day.at(4, 9), week));
        events.add(ev.referralRedirected(r3, r4, day.at(6, 10)));
        events.add(ev.referralSubmitted(r4, day.at(6, 10), day.at(13, 10), r3));
        events.add(ev.referralAccepted(r4, day.at(7, 14)));
        events.add(ev.referralSubmitted(r5, day.at(10, 9), week));
        events.add(ev.referralOverdue(r5, day.at(17, 9), day.at(17, 10)));
        events.add(ev.referralAccepted(r5, day.at(20, 9)));
        events.add(ev.referralSubmitted(r6, day.at(12, 9), week));
        events.add(ev.referralCancelled(r6, day.at(13, 9)));

        // ---- alerts
        String a1 = TestEvents.newId();
        Instant raised1 = day.at(2, 8);
        events.add(ev.alertRaised(a1, raised1, raised1.plus(Duration.ofHours(24))));
        events.add(ev.alertQualified(
                a1, "B", raised1, raised1.plus(Duration.ofMinutes(15)), raised1.plus(Duration.ofHours(4))));
        events.add(ev.alertResponded(
                a1, "B", raised1, raised1.plus(Duration.ofHours(4)), raised1.plus(Duration.ofHours(2)), true, null));
        events.add(ev.alertClosed(a1, "B", raised1, day.at(3, 12), true, false));
        String a2 = TestEvents.newId();
        Instant raised2 = day.at(5, 22);
        Instant due2 = raised2.plus(Duration.ofHours(24));
        events.add(ev.alertRaised(a2, raised2, due2));
        events.add(ev.alertQualified(a2, "C", raised2, raised2.plus(Duration.ofMinutes(40)), due2));
        events.add(ev.alertEscalated(a2, 1, "C", due2, due2));
        events.add(ev.alertResponded(a2, "C", raised2, due2, raised2.plus(Duration.ofHours(30)), false, null));
        events.add(ev.alertFeedbackSent(a2, day.at(8, 10)));
        events.add(ev.alertClosed(a2, "C", raised2, day.at(8, 11), false, false));
        String a3 = TestEvents.newId();
        Instant raised3 = day.at(14, 10);
        events.add(ev.alertRaised(a3, raised3, raised3.plus(Duration.ofHours(72))));
        events.add(ev.alertQualified(
                a3, "D", raised3, raised3.plus(Duration.ofMinutes(5)), raised3.plus(Duration.ofHours(72))));
        events.add(ev.referralSubmitted(r7, day.at(15, 9), week));
        events.add(ev.alertResponded(a3, "D", raised3, raised3.plus(Duration.ofHours(72)), day.at(15, 9), true, r7));
        events.add(ev.referralAccepted(r7, day.at(16, 9)));
        String a4 = TestEvents.newId();
        events.add(ev.alertRaised(a4, day.at(20, 10), day.at(21, 10)));
        String a5 = TestEvents.newId();
        Instant raised5 = day.at(21, 3);
        events.add(ev.alertRaised(a5, raised5, raised5.plus(Duration.ofHours(1))));
        events.add(ev.alertQualified(
                a5, "A", raised5, raised5.plus(Duration.ofMinutes(1)), raised5.plus(Duration.ofHours(1))));
        events.add(ev.alertQualified(
                a5, "B", raised5, raised5.plus(Duration.ofMinutes(30)), raised5.plus(Duration.ofHours(4))));
        events.add(ev.alertEscalated(a5, 1, "B", raised5.plus(Duration.ofHours(4)), raised5.plus(Duration.ofHours(4))));
        events.add(ev.alertEscalated(a5, 2, "B", raised5.plus(Duration.ofHours(4)), raised5.plus(Duration.ofHours(6))));
        events.add(ev.alertClosed(a5, "B", raised5, day.at(25, 10), false, true));
        String a6 = TestEvents.newId();
        Instant raised6 = day.at(30, 10);
        events.add(ev.alertRaised(a6, raised6, raised6.plus(Duration.ofDays(7))));
        events.add(ev.alertQualified(
                a6, "G", raised6, raised6.plus(Duration.ofMinutes(12)), raised6.plus(Duration.ofDays(7))));
        events.add(ev.alertClosed(a6, "G", raised6, day.at(31, 10), true, false));

        // ---- workshops
        String g1 = TestEvents.newId();
        Instant first = day.at(20, 14);
        events.add(ev.groupScheduled(g1, 8, first));
        events.add(ev.groupOpened(g1, 8));
        List<String> enrolments = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String enrolment = TestEvents.newId();
            enrolments.add(enrolment);
            events.add(ev.enrolmentConfirmed(enrolment, g1, day.at(10 + i, 10)));
        }
        events.add(ev.participantWithdrew(enrolments.get(5), g1, day.at(18, 10)));
        String promoted = TestEvents.newId();
        events.add(ev.enrolmentWaitlisted(promoted, g1, day.at(16, 10)));
        events.add(ev.enrolmentConfirmed(promoted, g1, day.at(19, 10)));
        events.add(ev.sessionHeld(g1, 1, "GROUP", first, 6, 5, 1));
        events.add(ev.sessionHeld(g1, 1, "GROUP", first, 6, 6, 2));
        events.add(ev.sessionHeld(g1, 2, "GROUP", day.at(27, 14), 6, 4, 1));
        events.add(ev.sessionHeld(g1, 3, "INDIVIDUAL", day.at(30, 14), 1, 1, 1));
        events.add(ev.participantDisengaged(enrolments.get(2), g1, 1, day.at(34, 16)));
        events.add(ev.enrolmentWaitlisted(TestEvents.newId(), g1, day.at(50, 10)));
        events.add(ev.groupCompleted(g1, 4, 1, 1, day.at(70, 16)));
        String g2 = TestEvents.newId();
        events.add(ev.groupScheduled(g2, 10, day.at(100, 14)));
        events.add(ev.enrolmentWaitlisted(TestEvents.newId(), g2, day.at(60, 10)));
        events.add(ev.enrolmentWaitlisted(TestEvents.newId(), g2, day.at(61, 10)));

        // ---- meetings
        String m1 = TestEvents.newId();
        events.add(ev.meetingScheduled(m1, "PRACTICE_GROUP", day.at(8, 12)));
        events.add(ev.meetingHeld(m1, "PRACTICE_GROUP", day.at(8, 12), 4));
        String m2 = TestEvents.newId();
        events.add(ev.meetingScheduled(m2, "CASE_CONFERENCE", day.at(22, 9)));
        events.add(ev.meetingHeld(m2, "CASE_CONFERENCE", day.at(22, 9), 3));
        String m3 = TestEvents.newId();
        events.add(ev.meetingScheduled(m3, "SUPERVISION", day.at(40, 9)));
        events.add(ev.meetingCancelled(m3, "SUPERVISION", day.at(40, 9), day.at(38, 9)));
        String m4 = TestEvents.newId();
        events.add(ev.meetingScheduled(m4, "PRACTICE_GROUP", day.at(50, 12)));
        events.add(ev.meetingHeld(m4, "PRACTICE_GROUP", day.at(50, 12), 5));
        String x1 = TestEvents.newId();
        String x2 = TestEvents.newId();
        String x3 = TestEvents.newId();
        String x4 = TestEvents.newId();
        events.add(ev.actionAssigned(x1, day.date(10), day.at(8, 14)));
        events.add(ev.actionCompleted(x1, day.date(10), day.at(9, 14), true));
        events.add(ev.actionAssigned(x2, day.date(24), day.at(22, 11)));
        events.add(ev.actionCompleted(x2, day.date(24), day.at(26, 11), false));
        events.add(ev.actionAssigned(x3, day.date(45), day.at(22, 11)));
        events.add(ev.actionOverdue(x3, day.date(45), day.at(46, 0)));
        events.add(ev.actionAssigned(x4, day.date(60), day.at(50, 14)));
        events.add(ev.actionCompleted(x4, day.date(60), day.at(58, 14), true));
        return events;
    }

    /** Days of the quarter, in Paris. */
    private record Day(LocalDate first) {
        Instant at(int offset, int hour) {
            return first.plusDays(offset)
                    .atTime(LocalTime.of(hour, 0))
                    .atZone(Period.PARIS)
                    .toInstant();
        }

        LocalDate date(int offset) {
            return first.plusDays(offset);
        }
    }
}
