package fr.maillage.evaluation.indicator;

import static fr.maillage.evaluation.indicator.IndicatorCatalogue.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.maillage.evaluation.indicator.TestEvents.TestEvent;
import fr.maillage.evaluation.period.Period;
import fr.maillage.evaluation.questionnaire.QuestionnaireOutcomes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every formula of the catalogue on hand-made event sequences, folded in memory through the service's own mapping. */
class IndicatorFormulasTests {

    private static final Period Q3 = Period.parse("2026-Q3");
    /** After the quarter: its figures are final. */
    private static final Instant LATER = Instant.parse("2026-10-15T10:00:00Z");

    private final TestEvents ev = new TestEvents("bievre");
    private final List<TestEvent> events = new ArrayList<>();
    private final FakeOutcomes outcomes = new FakeOutcomes();

    private void play(TestEvent... played) {
        events.addAll(List.of(played));
    }

    private List<Figure> figures(Period period, Instant now) {
        return new IndicatorCalculator(outcomes).compute(InMemoryFacts.of(events), "bievre", period, now);
    }

    private Figure figure(String id) {
        return figure(id, Q3, LATER);
    }

    private Figure figure(String id, Period period, Instant now) {
        return figures(period, now).stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** A wall-clock time in Paris, e.g. {@code 2026-07-10T09:00}. */
    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Period.PARIS).toInstant();
    }

    private static String id() {
        return TestEvents.newId();
    }

    // ---- nothing to measure

    @Test
    void withoutAnyCaseCountsAreZeroAndSharesMediansAndMeansHaveNoValue() {
        List<Figure> figures = figures(Q3, LATER);

        assertThat(figures)
                .extracting(Figure::id)
                .containsExactlyElementsOf(IndicatorCatalogue.all().stream()
                        .map(IndicatorDefinition::id)
                        .toList());
        for (Figure figure : figures) {
            Unit unit = IndicatorCatalogue.get(figure.id()).unit();
            assertThat(figure.n()).as(figure.id()).isZero();
            if (unit == Unit.COUNT) {
                assertThat(figure.value()).as(figure.id()).isEqualTo(0.0);
            } else {
                assertThat(figure.value()).as(figure.id()).isNull();
            }
        }
    }

    @Test
    void withoutAnyCaseAnIndicatorWithATargetHasNoDataAndOneWithoutHasNoTarget() {
        Targets targets = new Targets(List.of(
                new Target(ALERTS_RESPONDED_WITHIN_TARGET, Comparison.AT_LEAST, 90),
                new Target(WORKSHOPS_WAITLIST_LENGTH, Comparison.AT_MOST, 10)));

        List<IndicatorValue> values =
                IndicatorCalculator.withTargets(figures(Q3, LATER), targets.with(List.of()), true);

        assertThat(value(values, ALERTS_RESPONDED_WITHIN_TARGET).status()).isEqualTo(TargetStatus.NO_DATA);
        assertThat(value(values, ALERTS_FEEDBACK_TO_EMITTER).status()).isEqualTo(TargetStatus.NO_TARGET);
        // nobody waiting is a measurement: under the maximum
        assertThat(value(values, WORKSHOPS_WAITLIST_LENGTH).status()).isEqualTo(TargetStatus.MET);
    }

    private static IndicatorValue value(List<IndicatorValue> values, String id) {
        return values.stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aShareUnderItsTargetIsAtRiskWhileThePeriodIsOpenAndMissedOnceClosed() {
        String met = id();
        String late = id();
        play(
                ev.referralSubmitted(met, paris("2026-07-01T09:00"), Duration.ofDays(7)),
                ev.referralAccepted(met, paris("2026-07-02T09:00")),
                ev.referralSubmitted(late, paris("2026-07-01T09:00"), Duration.ofDays(7)),
                ev.referralAccepted(late, paris("2026-07-20T09:00")));
        Map<String, Target> targets = new Targets(
                        List.of(new Target(REFERRALS_ANSWERED_WITHIN_TARGET, Comparison.AT_LEAST, 80)))
                .with(List.of());

        IndicatorValue open = value(
                IndicatorCalculator.withTargets(figures(Q3, paris("2026-08-01T00:00")), targets, false),
                REFERRALS_ANSWERED_WITHIN_TARGET);
        IndicatorValue closed = value(
                IndicatorCalculator.withTargets(figures(Q3, LATER), targets, true), REFERRALS_ANSWERED_WITHIN_TARGET);
        IndicatorValue lowered = value(
                IndicatorCalculator.withTargets(
                        figures(Q3, LATER),
                        new Targets(List.of())
                                .with(List.of(new Target(REFERRALS_ANSWERED_WITHIN_TARGET, Comparison.AT_LEAST, 50))),
                        true),
                REFERRALS_ANSWERED_WITHIN_TARGET);

        assertThat(open.value()).isEqualTo(50.0);
        assertThat(open.status()).isEqualTo(TargetStatus.AT_RISK);
        assertThat(closed.status()).isEqualTo(TargetStatus.MISSED);
        assertThat(lowered.status()).isEqualTo(TargetStatus.MET);
    }

    // ---- referrals

    @Test
    void referralsAreCountedOnceUnderTheirCurrentStatus() {
        String submitted = id();
        String accepted = id();
        String completed = id();
        String declined = id();
        String redirected = id();
        String continued = id();
        String cancelled = id();
        Instant at = paris("2026-07-10T09:00");
        play(
                ev.referralSubmitted(submitted, at, Duration.ofDays(7)),
                ev.referralSubmitted(accepted, at, Duration.ofDays(7)),
                ev.referralAccepted(accepted, at.plus(Duration.ofHours(5))),
                ev.referralSubmitted(completed, at, Duration.ofDays(7)),
                ev.referralAccepted(completed, at.plus(Duration.ofHours(5))),
                ev.referralCompleted(completed, at.plus(Duration.ofDays(20))),
                ev.referralSubmitted(declined, at, Duration.ofDays(7)),
                ev.referralDeclined(declined, at.plus(Duration.ofDays(1))),
                ev.referralSubmitted(redirected, at, Duration.ofDays(7)),
                ev.referralRedirected(redirected, continued, at.plus(Duration.ofDays(1))),
                ev.referralSubmitted(continued, at.plus(Duration.ofDays(1)), at.plus(Duration.ofDays(8)), redirected),
                ev.referralSubmitted(cancelled, at, Duration.ofDays(7)),
                ev.referralCancelled(cancelled, at.plus(Duration.ofDays(2))),
                new TestEvents("lyon-nord").referralSubmitted(id(), at, Duration.ofDays(7)));

        Figure byStatus = figure(REFERRALS_BY_STATUS);

        assertThat(byStatus.value()).isEqualTo(7.0);
        assertThat(byStatus.n()).isEqualTo(7);
        assertThat(byStatus.breakdown())
                .containsExactly(
                        Map.entry("SUBMITTED", 2L),
                        Map.entry("ACCEPTED", 1L),
                        Map.entry("DECLINED", 1L),
                        Map.entry("REDIRECTED", 1L),
                        Map.entry("CANCELLED", 1L),
                        Map.entry("COMPLETED", 1L));
    }

    @Test
    void referralsBelongToThePeriodContainingTheirSubmissionInParisTime() {
        // 23:59:59 on 30 June in Paris is still the second quarter; midnight is the third (UTC+2 in summer)
        play(
                ev.referralSubmitted(id(), Instant.parse("2026-06-30T21:59:59Z"), Duration.ofDays(7)),
                ev.referralSubmitted(id(), Instant.parse("2026-06-30T22:00:00Z"), Duration.ofDays(7)),
                ev.referralSubmitted(id(), Instant.parse("2026-09-30T21:59:59.999Z"), Duration.ofDays(7)),
                ev.referralSubmitted(id(), Instant.parse("2026-09-30T22:00:00Z"), Duration.ofDays(7)),
                // winter time (UTC+1): 30 November 23:30 in Paris
                ev.referralSubmitted(id(), Instant.parse("2026-11-30T22:30:00Z"), Duration.ofDays(7)));
        Instant now = Instant.parse("2027-01-15T00:00:00Z");

        assertThat(figure(REFERRALS_BY_STATUS, Period.parse("2026-Q2"), now).value())
                .isEqualTo(1.0);
        assertThat(figure(REFERRALS_BY_STATUS, Q3, now).value()).isEqualTo(2.0);
        assertThat(figure(REFERRALS_BY_STATUS, Period.parse("2026-07"), now).value())
                .isEqualTo(1.0);
        assertThat(figure(REFERRALS_BY_STATUS, Period.parse("2026-09"), now).value())
                .isEqualTo(1.0);
        assertThat(figure(REFERRALS_BY_STATUS, Period.parse("2026-10"), now).value())
                .isEqualTo(1.0);
        assertThat(figure(REFERRALS_BY_STATUS, Period.parse("2026-11"), now).value())
                .isEqualTo(1.0);
        assertThat(figure(REFERRALS_BY_STATUS, Period.parse("2026-12"), now).value())
                .isEqualTo(0.0);
    }

    @Test
    void aReferralIsFromAnAlertWhenAnAlertsResponseNamedItAndFromARedirectionWhenOneCreatedIt() {
        String fromAlert = id();
        String original = id();
        String redirectedTo = id();
        String direct = id();
        String alertId = id();
        Instant at = paris("2026-08-03T10:00");
        play(
                ev.referralSubmitted(fromAlert, at, Duration.ofDays(7)),
                ev.alertResponded(alertId, "C", at.minus(Duration.ofHours(3)), at, at, true, fromAlert),
                ev.referralSubmitted(original, at, Duration.ofDays(7)),
                ev.referralRedirected(original, redirectedTo, at.plus(Duration.ofHours(4))),
                // the new referral's own event does not say where it came from: the redirection does
                ev.referralSubmitted(redirectedTo, at.plus(Duration.ofHours(4)), Duration.ofDays(7)),
                ev.referralSubmitted(direct, at, Duration.ofDays(7)));

        Figure bySource = figure(REFERRALS_BY_SOURCE);

        assertThat(bySource.value()).isEqualTo(4.0);
        assertThat(bySource.breakdown())
                .containsExactly(Map.entry("ALERT", 1L), Map.entry("REDIRECTION", 1L), Map.entry("DIRECT", 2L));
    }

    @Test
    void theAcceptanceRateIsAcceptedOverAnsweredReferrals() {
        Instant at = paris("2026-07-06T09:00");
        for (int i = 0; i < 3; i++) {
            String accepted = id();
            play(
                    ev.referralSubmitted(accepted, at, Duration.ofDays(7)),
                    ev.referralAccepted(accepted, at.plusSeconds(60)));
        }
        String declined = id();
        String redirected = id();
        String cancelled = id();
        play(
                ev.referralSubmitted(declined, at, Duration.ofDays(7)),
                ev.referralDeclined(declined, at.plusSeconds(60)),
                ev.referralSubmitted(redirected, at, Duration.ofDays(7)),
                ev.referralRedirected(redirected, id(), at.plusSeconds(60)),
                ev.referralSubmitted(id(), at, Duration.ofDays(7)),
                ev.referralSubmitted(cancelled, at, Duration.ofDays(7)),
                ev.referralCancelled(cancelled, at.plusSeconds(60)));

        Figure rate = figure(REFERRALS_ACCEPTANCE_RATE);

        assertThat(rate.value()).isEqualTo(60.0);
        assertThat(rate.n()).isEqualTo(5);
    }

    @Test
    void theMedianTimeToAnswerRunsFromSubmissionToTheFirstAnswerInHours() {
        Instant at = paris("2026-07-06T09:00");
        String first = id();
        String second = id();
        String third = id();
        String unanswered = id();
        play(
                ev.referralSubmitted(first, at, Duration.ofDays(7)),
                ev.referralAccepted(first, at.plus(Duration.ofHours(2))),
                ev.referralSubmitted(second, at, Duration.ofDays(7)),
                ev.referralDeclined(second, at.plus(Duration.ofHours(4))),
                // accepted after 10 h, redirected later: the first answer counts
                ev.referralSubmitted(third, at, Duration.ofDays(7)),
                ev.referralAccepted(third, at.plus(Duration.ofHours(10))),
                ev.referralRedirected(third, id(), at.plus(Duration.ofHours(50))),
                ev.referralSubmitted(unanswered, at, Duration.ofDays(7)));

        assertThat(figure(REFERRALS_MEDIAN_TIME_TO_ANSWER).value()).isEqualTo(4.0);
        assertThat(figure(REFERRALS_MEDIAN_TIME_TO_ANSWER).n()).isEqualTo(3);

        String fourth = id();
        play(
                ev.referralSubmitted(fourth, at, Duration.ofDays(7)),
                ev.referralAccepted(fourth, at.plus(Duration.ofHours(12))));

        assertThat(figure(REFERRALS_MEDIAN_TIME_TO_ANSWER).value()).isEqualTo(7.0);
    }

    @Test
    void referralsAnsweredWithinTargetCountTheUnansweredOnlyOnceTheirTargetHasPassed() {
        Instant at = paris("2026-09-20T09:00");
        Duration week = Duration.ofDays(7);
        String onTime = id();
        String exactlyAtTarget = id();
        String late = id();
        String unanswered = id();
        String cancelledBefore = id();
        String cancelledAfter = id();
        play(
                ev.referralSubmitted(onTime, at, week),
                ev.referralAccepted(onTime, at.plus(Duration.ofDays(2))),
                ev.referralSubmitted(exactlyAtTarget, at, week),
                ev.referralSubmitted(late, at, week),
                ev.referralSubmitted(unanswered, at, week),
                ev.referralSubmitted(cancelledBefore, at, week),
                ev.referralCancelled(cancelledBefore, at.plus(Duration.ofDays(3))),
                ev.referralSubmitted(cancelledAfter, at, week));

        // six days on, the target has not passed: only the answered one counts
        Figure early = figure(REFERRALS_ANSWERED_WITHIN_TARGET, Q3, at.plus(Duration.ofDays(6)));
        assertThat(early.value()).isEqualTo(100.0);
        assertThat(early.n()).isEqualTo(1);

        play(
                ev.referralDeclined(exactlyAtTarget, at.plus(week)),
                ev.referralAccepted(late, at.plus(Duration.ofDays(8))),
                ev.referralCancelled(cancelledAfter, at.plus(Duration.ofDays(9))));

        // later: the unanswered one and the one cancelled after its target are late, not the one cancelled before
        Figure after = figure(REFERRALS_ANSWERED_WITHIN_TARGET);
        assertThat(after.n()).isEqualTo(5);
        assertThat(after.value()).isEqualTo(40.0);
    }

    // ---- alerts

    @Test
    void alertsAreCountedUnderTheirLatestQualifiedUrgencyOrAsUnqualified() {
        String requalified = id();
        String urgent = id();
        String unqualified = id();
        String advice = id();
        Instant at = paris("2026-08-10T14:00");
        Instant due = at.plus(Duration.ofDays(1));
        play(
                ev.alertRaised(requalified, at, due),
                ev.alertQualified(requalified, "C", at, at.plus(Duration.ofMinutes(10)), due),
                ev.alertQualified(requalified, "B", at, at.plus(Duration.ofMinutes(40)), due),
                ev.alertRaised(urgent, at, due),
                ev.alertQualified(urgent, "A", at, at.plus(Duration.ofMinutes(2)), due),
                ev.alertRaised(unqualified, at, due),
                ev.alertRaised(advice, at, due),
                ev.alertQualified(advice, "G", at, at.plus(Duration.ofMinutes(20)), due),
                ev.alertRaised(id(), paris("2026-06-30T23:00"), due));

        Figure byUrgency = figure(ALERTS_BY_URGENCY);

        assertThat(byUrgency.value()).isEqualTo(4.0);
        assertThat(byUrgency.breakdown())
                .containsExactly(
                        Map.entry("A", 1L),
                        Map.entry("B", 1L),
                        Map.entry("C", 0L),
                        Map.entry("D", 0L),
                        Map.entry("E", 0L),
                        Map.entry("F", 0L),
                        Map.entry("G", 1L),
                        Map.entry("UNQUALIFIED", 1L));
    }

    @Test
    void alertsRespondedWithinTargetTakeTheFirstResponseAndQualifiedAlertsPastTheirDueTime() {
        Instant at = paris("2026-09-25T08:00");
        Instant passed = at.plus(Duration.ofHours(4));
        Instant future = paris("2026-10-20T08:00");
        String inTime = id();
        String lateThenAgain = id();
        String neverResponded = id();
        String notDueYet = id();
        String closedBeforeDue = id();
        String orientation = id();
        String unqualified = id();
        String alsoInTime = id();
        play(
                ev.alertRaised(inTime, at, passed),
                ev.alertQualified(inTime, "B", at, at.plusSeconds(60), passed),
                ev.alertResponded(inTime, "B", at, passed, at.plus(Duration.ofHours(1)), true, null),
                ev.alertResponded(inTime, "B", at, passed, at.plus(Duration.ofHours(9)), false, null),
                ev.alertRaised(lateThenAgain, at, passed),
                ev.alertQualified(lateThenAgain, "C", at, at.plusSeconds(60), passed),
                ev.alertResponded(lateThenAgain, "C", at, passed, at.plus(Duration.ofHours(5)), false, null),
                ev.alertResponded(lateThenAgain, "C", at, passed, at.plus(Duration.ofHours(6)), true, null),
                ev.alertRaised(neverResponded, at, passed),
                ev.alertQualified(neverResponded, "A", at, at.plusSeconds(60), passed),
                ev.alertRaised(notDueYet, at, future),
                ev.alertQualified(notDueYet, "D", at, at.plusSeconds(60), future),
                ev.alertRaised(closedBeforeDue, at, passed),
                ev.alertQualified(closedBeforeDue, "E", at, at.plusSeconds(60), passed),
                ev.alertClosed(closedBeforeDue, "E", at, at.plus(Duration.ofHours(1)), true, false),
                ev.alertRaised(orientation, at, passed),
                ev.alertQualified(orientation, "F", at, at.plusSeconds(60), passed),
                ev.alertResponded(orientation, "F", at, passed, at.plus(Duration.ofHours(9)), false, null),
                ev.alertRaised(unqualified, at, passed),
                ev.alertRaised(alsoInTime, at, passed),
                ev.alertQualified(alsoInTime, "C", at, at.plusSeconds(60), passed),
                ev.alertResponded(alsoInTime, "C", at, passed, at.plus(Duration.ofHours(2)), true, null));

        Figure all = figure(ALERTS_RESPONDED_WITHIN_TARGET);

        assertThat(all.n()).isEqualTo(4);
        assertThat(all.value()).isEqualTo(50.0);
        assertThat(all.breakdown())
                .containsEntry("A.cases", 1L)
                .containsEntry("A.within-target", 0L)
                .containsEntry("B.cases", 1L)
                .containsEntry("B.within-target", 1L)
                .containsEntry("C.cases", 2L)
                .containsEntry("C.within-target", 1L)
                .containsEntry("D.cases", 0L)
                .containsEntry("E.cases", 0L)
                .doesNotContainKey("F.cases");
        assertThat(figure(respondedWithinTarget("A")).value()).isEqualTo(0.0);
        assertThat(figure(respondedWithinTarget("B")).value()).isEqualTo(100.0);
        assertThat(figure(respondedWithinTarget("C")).value()).isEqualTo(50.0);
        assertThat(figure(respondedWithinTarget("C")).n()).isEqualTo(2);
        assertThat(figure(respondedWithinTarget("D")).value()).isNull();
        assertThat(figure(respondedWithinTarget("E")).value()).isNull();
        // once its due time has passed, the unresponded D alert counts too
        assertThat(figure(respondedWithinTarget("D"), Q3, paris("2026-10-21T00:00"))
                        .value())
                .isEqualTo(0.0);
    }

    @Test
    void theMedianTimeToQualificationRunsFromRaisingToTheFirstQualificationInMinutes() {
        Instant at = paris("2026-07-21T22:00");
        Instant due = at.plus(Duration.ofDays(1));
        String[] alerts = {id(), id(), id()};
        int[] minutes = {10, 30, 50};
        for (int i = 0; i < alerts.length; i++) {
            play(
                    ev.alertRaised(alerts[i], at, due),
                    ev.alertQualified(alerts[i], "C", at, at.plus(Duration.ofMinutes(minutes[i])), due));
        }
        // a re-qualification does not move the first one
        play(ev.alertQualified(alerts[0], "B", at, at.plus(Duration.ofMinutes(300)), due));
        play(ev.alertRaised(id(), at, due));

        Figure median = figure(ALERTS_MEDIAN_TIME_TO_QUALIFICATION);

        assertThat(median.value()).isEqualTo(30.0);
        assertThat(median.n()).isEqualTo(3);
    }

    @Test
    void escalatedAlertsAreCountedWithTheLevelsTheyReached() {
        Instant at = paris("2026-08-01T10:00");
        Instant due = at.plus(Duration.ofHours(4));
        String once = id();
        String twice = id();
        String secondOnly = id();
        play(
                ev.alertRaised(once, at, due),
                ev.alertEscalated(once, 1, "B", due, due),
                ev.alertRaised(twice, at, due),
                ev.alertEscalated(twice, 1, "B", due, due),
                ev.alertEscalated(twice, 2, "B", due, due.plus(Duration.ofHours(2))),
                ev.alertRaised(secondOnly, at, due),
                ev.alertEscalated(secondOnly, 2, "B", due, due.plus(Duration.ofHours(2))),
                ev.alertRaised(id(), at, due));

        Figure escalated = figure(ALERTS_ESCALATED);

        assertThat(escalated.value()).isEqualTo(3.0);
        assertThat(escalated.breakdown()).containsExactly(Map.entry("level-1", 3L), Map.entry("level-2", 2L));
    }

    @Test
    void feedbackToTheEmitterCountsClosedAlertsWithoutAWaiver() {
        Instant at = paris("2026-08-01T10:00");
        Instant due = at.plus(Duration.ofHours(4));
        Instant closed = at.plus(Duration.ofDays(2));
        String given = id();
        String sentSeparately = id();
        String waived = id();
        String forgotten = id();
        String open = id();
        play(
                ev.alertRaised(given, at, due),
                ev.alertClosed(given, "C", at, closed, true, false),
                ev.alertRaised(sentSeparately, at, due),
                ev.alertFeedbackSent(sentSeparately, closed.plusSeconds(600)),
                ev.alertClosed(sentSeparately, "C", at, closed, false, false),
                ev.alertRaised(waived, at, due),
                ev.alertClosed(waived, "C", at, closed, false, true),
                ev.alertRaised(forgotten, at, due),
                ev.alertClosed(forgotten, "C", at, closed, false, false),
                ev.alertRaised(open, at, due),
                ev.alertFeedbackSent(open, closed));

        Figure feedback = figure(ALERTS_FEEDBACK_TO_EMITTER);

        assertThat(feedback.n()).isEqualTo(3);
        assertThat(feedback.value()).isCloseTo(200.0 / 3, within(1e-9));
    }

    // ---- workshops

    @Test
    void theFillRateIsThePlacesTakenAtTheFirstSessionOverTheCapacity() {
        Instant first = paris("2026-07-15T14:00");
        Instant before = first.minus(Duration.ofDays(3));
        String partial = id();
        play(ev.groupScheduled(partial, 10, first));
        for (int i = 0; i < 6; i++) {
            play(ev.enrolmentConfirmed(id(), partial, before));
        }
        String withdrewBefore = id();
        String withdrewAfter = id();
        play(
                ev.enrolmentConfirmed(id(), partial, first.plus(Duration.ofDays(7))),
                ev.enrolmentConfirmed(withdrewBefore, partial, before),
                ev.participantWithdrew(withdrewBefore, partial, before.plus(Duration.ofDays(1))),
                ev.enrolmentConfirmed(withdrewAfter, partial, before),
                ev.participantWithdrew(withdrewAfter, partial, first.plus(Duration.ofDays(1))));
        String overfull = id();
        Instant overfullFirst = paris("2026-08-01T10:00");
        play(ev.groupScheduled(overfull, 4, overfullFirst));
        for (int i = 0; i < 6; i++) {
            play(ev.enrolmentConfirmed(id(), overfull, overfullFirst.minus(Duration.ofDays(1))));
        }
        String tooFew = id();
        Instant tooFewFirst = paris("2026-09-01T10:00");
        play(
                ev.groupScheduled(tooFew, 8, tooFewFirst),
                ev.enrolmentConfirmed(id(), tooFew, tooFewFirst.minus(Duration.ofDays(5))),
                ev.enrolmentConfirmed(id(), tooFew, tooFewFirst.minus(Duration.ofDays(5))),
                ev.groupCancelled(tooFew, Facts.GroupFact.MINIMUM_NOT_REACHED, tooFewFirst));
        String calledOff = id();
        Instant calledOffFirst = paris("2026-09-10T10:00");
        play(
                ev.groupScheduled(calledOff, 8, calledOffFirst),
                ev.enrolmentConfirmed(id(), calledOff, calledOffFirst.minus(Duration.ofDays(5))),
                ev.groupCancelled(calledOff, "facilitator-unavailable", calledOffFirst.minus(Duration.ofDays(2))));
        String nextQuarter = id();
        play(ev.groupScheduled(nextQuarter, 8, paris("2026-10-05T10:00")));

        Figure fill = figure(WORKSHOPS_FILL_RATE);

        // (7 + 4 + 2) / (10 + 4 + 8)
        assertThat(fill.n()).isEqualTo(3);
        assertThat(fill.value()).isCloseTo(100.0 * 13 / 22, within(1e-9));
        // during the quarter, a group whose first session is still to come is not counted yet
        Figure midAugust = figure(WORKSHOPS_FILL_RATE, Q3, paris("2026-08-15T00:00"));
        assertThat(midAugust.n()).isEqualTo(2);
        assertThat(midAugust.value()).isCloseTo(100.0 * 11 / 14, within(1e-9));
    }

    @Test
    void theAttendanceRateTakesTheLatestRevisionOfEachGroupSessionOfThePeriod() {
        String group = id();
        Instant first = paris("2026-09-01T14:00");
        play(
                // the correction arrives before the first recording: it still wins
                ev.sessionHeld(group, 1, "GROUP", first, 10, 8, 2),
                ev.sessionHeld(group, 1, "GROUP", first, 10, 6, 1),
                ev.sessionHeld(group, 2, "INDIVIDUAL", first.plus(Duration.ofDays(3)), 1, 0, 1),
                ev.sessionHeld(group, 3, "GROUP", first.plus(Duration.ofDays(7)), 9, 7, 1),
                ev.sessionHeld(group, 5, "GROUP", paris("2026-10-02T14:00"), 9, 2, 1));

        Figure attendance = figure(WORKSHOPS_ATTENDANCE_RATE);

        assertThat(attendance.n()).isEqualTo(2);
        assertThat(attendance.value()).isCloseTo(100.0 * 15 / 19, within(1e-9));
    }

    @Test
    void theCompletionRateSumsTheParticipantsOfGroupsCompletedInThePeriod() {
        play(
                ev.groupCompleted(id(), 6, 2, 1, paris("2026-08-30T18:00")),
                ev.groupCompleted(id(), 4, 4, 0, paris("2026-09-20T18:00")),
                ev.groupCompleted(id(), 1, 9, 0, paris("2026-10-03T18:00")));

        Figure completion = figure(WORKSHOPS_COMPLETION_RATE);

        assertThat(completion.n()).isEqualTo(17);
        assertThat(completion.value()).isCloseTo(100.0 * 10 / 17, within(1e-9));
    }

    @Test
    void theDisengagementRateIsTheShareOfEnrolmentsConfirmedInThePeriodThatDisengaged() {
        String group = id();
        String once = id();
        String twice = id();
        String earlier = id();
        Instant at = paris("2026-07-03T10:00");
        play(
                ev.enrolmentConfirmed(once, group, at),
                ev.participantDisengaged(once, group, 1, at.plus(Duration.ofDays(20))),
                ev.enrolmentConfirmed(twice, group, at),
                ev.participantDisengaged(twice, group, 1, at.plus(Duration.ofDays(20))),
                ev.participantDisengaged(twice, group, 2, at.plus(Duration.ofDays(40))),
                ev.enrolmentConfirmed(id(), group, at),
                ev.enrolmentConfirmed(id(), group, at),
                ev.enrolmentConfirmed(earlier, group, paris("2026-06-20T10:00")),
                ev.participantDisengaged(earlier, group, 1, at));

        Figure disengagement = figure(WORKSHOPS_DISENGAGEMENT_RATE);

        assertThat(disengagement.n()).isEqualTo(4);
        assertThat(disengagement.value()).isEqualTo(50.0);
    }

    @Test
    void theWaitlistLengthCountsPeopleStillWaitingAtThePeriodsEndOrNowIfEarlier() {
        String group = id();
        String cancelledGroup = id();
        String completedGroup = id();
        Instant august = paris("2026-08-01T10:00");
        String confirmedInSeptember = id();
        String confirmedInOctober = id();
        String withdrew = id();
        String inCancelled = id();
        String inCompleted = id();
        play(
                ev.enrolmentWaitlisted(id(), group, august),
                ev.enrolmentWaitlisted(confirmedInSeptember, group, august),
                ev.enrolmentConfirmed(confirmedInSeptember, group, paris("2026-09-01T10:00")),
                ev.enrolmentWaitlisted(confirmedInOctober, group, august),
                ev.enrolmentConfirmed(confirmedInOctober, group, paris("2026-10-05T10:00")),
                ev.enrolmentWaitlisted(withdrew, group, august),
                ev.participantWithdrew(withdrew, group, paris("2026-09-10T10:00")),
                ev.enrolmentWaitlisted(inCancelled, cancelledGroup, august),
                ev.groupCancelled(cancelledGroup, "facilitator-unavailable", paris("2026-09-15T10:00")),
                ev.enrolmentWaitlisted(inCompleted, completedGroup, august),
                ev.groupCompleted(completedGroup, 5, 1, 0, paris("2026-09-20T18:00")),
                ev.enrolmentWaitlisted(id(), group, paris("2026-10-03T10:00")),
                ev.enrolmentWaitlisted(id(), group, paris("2026-06-01T10:00")));

        assertThat(figure(WORKSHOPS_WAITLIST_LENGTH).value()).isEqualTo(3.0);
        assertThat(figure(WORKSHOPS_WAITLIST_LENGTH, Q3, paris("2026-09-05T00:00"))
                        .value())
                .isEqualTo(6.0);
    }

    // ---- meetings

    @Test
    void meetingsHeldAsPlannedCountCancelledOnesAsPlannedAndOnlyMeetingsAlreadyStarted() {
        String practice = id();
        String conference = id();
        String cancelled = id();
        String notRecorded = id();
        String heldOnly = id();
        play(
                ev.meetingScheduled(practice, "PRACTICE_GROUP", paris("2026-07-10T12:30")),
                ev.meetingHeld(practice, "PRACTICE_GROUP", paris("2026-07-10T12:30"), 4),
                ev.meetingScheduled(conference, "CASE_CONFERENCE", paris("2026-08-05T09:00")),
                ev.meetingHeld(conference, "CASE_CONFERENCE", paris("2026-08-05T09:00"), 3),
                ev.meetingScheduled(cancelled, "SUPERVISION", paris("2026-08-20T09:00")),
                ev.meetingCancelled(cancelled, "SUPERVISION", paris("2026-08-20T09:00"), paris("2026-08-18T09:00")),
                ev.meetingScheduled(notRecorded, "STEERING_COMMITTEE", paris("2026-09-10T17:00")),
                ev.meetingHeld(heldOnly, "PRACTICE_GROUP", paris("2026-09-15T12:30"), 5),
                ev.meetingScheduled(id(), "PRACTICE_GROUP", paris("2026-10-03T12:30")));

        Figure heldVsPlanned = figure(MEETINGS_HELD_VS_PLANNED);

        assertThat(heldVsPlanned.n()).isEqualTo(5);
        assertThat(heldVsPlanned.value()).isEqualTo(60.0);
        assertThat(heldVsPlanned.breakdown())
                .containsExactly(
                        Map.entry("PRACTICE_GROUP", 2L),
                        Map.entry("CASE_CONFERENCE", 1L),
                        Map.entry("STEERING_COMMITTEE", 0L),
                        Map.entry("SUPERVISION", 0L));
        Figure midAugust = figure(MEETINGS_HELD_VS_PLANNED, Q3, paris("2026-08-10T00:00"));
        assertThat(midAugust.n()).isEqualTo(2);
        assertThat(midAugust.value()).isEqualTo(100.0);
    }

    @Test
    void theMeanProfessionsPresentIsOverTheMeetingsHeld() {
        String first = id();
        play(
                ev.meetingScheduled(first, "PRACTICE_GROUP", paris("2026-07-10T12:30")),
                ev.meetingHeld(first, "PRACTICE_GROUP", paris("2026-07-10T12:30"), 4),
                ev.meetingHeld(id(), "CASE_CONFERENCE", paris("2026-08-05T09:00"), 3),
                ev.meetingHeld(id(), "PRACTICE_GROUP", paris("2026-09-15T12:30"), 6),
                ev.meetingScheduled(id(), "SUPERVISION", paris("2026-09-16T09:00")));

        Figure mean = figure(MEETINGS_MEAN_PROFESSIONS_PRESENT);

        assertThat(mean.n()).isEqualTo(3);
        assertThat(mean.value()).isCloseTo(13.0 / 3, within(1e-9));
    }

    @Test
    void actionsDoneOnTimeCountActionsDoneOrWhoseDueDayHasEndedInParis() {
        Instant assigned = paris("2026-07-01T10:00");
        String onTime = id();
        String late = id();
        String overdue = id();
        String dueLastDay = id();
        String alsoOnTime = id();
        LocalDate lastDay = LocalDate.parse("2026-09-30");
        play(
                ev.actionAssigned(onTime, LocalDate.parse("2026-07-10"), assigned),
                ev.actionCompleted(onTime, LocalDate.parse("2026-07-10"), paris("2026-07-10T18:00"), true),
                ev.actionAssigned(late, LocalDate.parse("2026-08-01"), assigned),
                ev.actionCompleted(late, LocalDate.parse("2026-08-01"), paris("2026-08-03T18:00"), false),
                ev.actionAssigned(overdue, LocalDate.parse("2026-08-15"), assigned),
                ev.actionOverdue(overdue, LocalDate.parse("2026-08-15"), paris("2026-08-16T00:01")),
                ev.actionAssigned(dueLastDay, lastDay, assigned),
                ev.actionAssigned(alsoOnTime, LocalDate.parse("2026-09-29"), assigned),
                ev.actionCompleted(alsoOnTime, LocalDate.parse("2026-09-29"), paris("2026-09-28T18:00"), true),
                ev.actionAssigned(id(), LocalDate.parse("2026-10-01"), assigned));

        // 30 September 23:59:59 in Paris: that day has not ended, its action is not counted yet
        Figure beforeMidnight = figure(MEETINGS_ACTIONS_DONE_ON_TIME, Q3, Instant.parse("2026-09-30T21:59:59Z"));
        assertThat(beforeMidnight.n()).isEqualTo(4);
        assertThat(beforeMidnight.value()).isEqualTo(50.0);
        Figure atMidnight = figure(MEETINGS_ACTIONS_DONE_ON_TIME, Q3, Instant.parse("2026-09-30T22:00:00Z"));
        assertThat(atMidnight.n()).isEqualTo(5);
        assertThat(atMidnight.value()).isEqualTo(40.0);
    }

    // ---- questionnaires

    @Test
    void questionnaireIndicatorsComeFromTheOutcomesOfThePeriodsWindow() {
        outcomes.who5 = new QuestionnaireOutcomes.PairedChange(12, 8.5);
        outcomes.scores.put("workshop-satisfaction", new QuestionnaireOutcomes.MeanScore(9, 81.25));
        outcomes.scores.put("professional-satisfaction", new QuestionnaireOutcomes.MeanScore(3, 66.0));

        assertThat(figure(QUESTIONNAIRES_WHO5_CHANGE)).isEqualTo(new Figure(QUESTIONNAIRES_WHO5_CHANGE, 8.5, 12, null));
        assertThat(figure(QUESTIONNAIRES_PARTICIPANT_SATISFACTION).value()).isEqualTo(81.25);
        assertThat(figure(QUESTIONNAIRES_PARTICIPANT_SATISFACTION).n()).isEqualTo(9);
        assertThat(figure(QUESTIONNAIRES_PROFESSIONAL_SATISFACTION).value()).isEqualTo(66.0);
        assertThat(outcomes.asked)
                .contains(
                        "who-5 bievre 2026-06-30T22:00:00Z 2026-09-30T22:00:00Z",
                        "workshop-satisfaction bievre 2026-06-30T22:00:00Z 2026-09-30T22:00:00Z",
                        "professional-satisfaction bievre 2026-06-30T22:00:00Z 2026-09-30T22:00:00Z");
    }

    @Test
    void questionnaireIndicatorsWithoutResponsesHaveNoValue() {
        outcomes.who5 = new QuestionnaireOutcomes.PairedChange(0, null);

        assertThat(figure(QUESTIONNAIRES_WHO5_CHANGE).value()).isNull();
        assertThat(figure(QUESTIONNAIRES_PARTICIPANT_SATISFACTION).value()).isNull();
    }

    // ---- duplicates and order

    @Test
    void duplicatesAndAnyOrderGiveTheSameFiguresAsTheEventsInOrder() {
        events.addAll(IndicatorScenario.quarter(ev, Q3));
        List<Figure> inOrder = figures(Q3, LATER);
        List<Figure> july = figures(Period.parse("2026-07"), LATER);
        List<TestEvent> original = List.copyOf(events);

        for (long seed = 1; seed <= 5; seed++) {
            events.clear();
            events.addAll(original);
            events.addAll(original.subList(0, original.size() / 2));
            events.addAll(original);
            Collections.shuffle(events, new Random(seed));

            assertThat(figures(Q3, LATER)).as("seed %d", seed).isEqualTo(inOrder);
            assertThat(figures(Period.parse("2026-07"), LATER))
                    .as("seed %d", seed)
                    .isEqualTo(july);
        }
        assertThat(inOrder).filteredOn(f -> f.value() != null && f.n() > 0).hasSizeGreaterThan(15);
    }
}
