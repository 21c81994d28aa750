package fr.maillage.evaluation.indicator;

import static fr.maillage.evaluation.indicator.IndicatorCatalogue.*;

import fr.maillage.evaluation.indicator.Facts.ActionFact;
import fr.maillage.evaluation.indicator.Facts.AlertFact;
import fr.maillage.evaluation.indicator.Facts.EnrolmentFact;
import fr.maillage.evaluation.indicator.Facts.GroupFact;
import fr.maillage.evaluation.indicator.Facts.MeetingFact;
import fr.maillage.evaluation.indicator.Facts.ReferralFact;
import fr.maillage.evaluation.indicator.Facts.SessionFact;
import fr.maillage.evaluation.period.Period;
import fr.maillage.evaluation.questionnaire.QuestionnaireOutcomes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The formulas of the catalogue (see {@link IndicatorCatalogue} for each in words), computed in plain Java
 * over the facts of one territory and period, at an instant {@code now} (shares that depend on passed
 * deadlines, meetings already started...). Shares, medians and means have no value without a case; counts
 * are 0 then.
 */
public final class IndicatorCalculator {

    static final String WORKSHOP_SATISFACTION = "workshop-satisfaction";
    static final String PROFESSIONAL_SATISFACTION = "professional-satisfaction";

    static final List<String> REFERRAL_STATUSES =
            List.of("SUBMITTED", "ACCEPTED", "DECLINED", "REDIRECTED", "CANCELLED", "COMPLETED");
    static final List<String> REFERRAL_SOURCES = List.of("ALERT", "REDIRECTION", "DIRECT");
    static final List<String> URGENCIES = List.of("A", "B", "C", "D", "E", "F", "G");
    static final String UNQUALIFIED = "UNQUALIFIED";
    static final List<String> ESCALATION_LEVELS = List.of("level-1", "level-2");
    static final List<String> MEETING_KINDS =
            List.of("PRACTICE_GROUP", "CASE_CONFERENCE", "STEERING_COMMITTEE", "SUPERVISION");
    static final String GROUP_SESSION = "GROUP";

    private final QuestionnaireOutcomes outcomes;

    public IndicatorCalculator(QuestionnaireOutcomes outcomes) {
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
    }

    /** Every figure of the catalogue, in catalogue order. */
    public List<Figure> compute(FactSource facts, String territory, Period period, Instant now) {
        Instant from = period.start();
        Instant to = period.end();
        Map<String, Figure> figures = new LinkedHashMap<>();

        List<ReferralFact> referrals = facts.referralsSubmitted(territory, from, to).stream()
                .filter(r -> period.contains(r.submittedAt()))
                .toList();
        add(figures, referralsByStatus(referrals));
        add(figures, referralsBySource(referrals));
        add(figures, acceptanceRate(referrals));
        add(figures, medianTimeToAnswer(referrals));
        add(figures, answeredWithinTarget(referrals, now));

        List<AlertFact> alerts = facts.alertsRaised(territory, from, to).stream()
                .filter(a -> period.contains(a.raisedAt()))
                .toList();
        add(figures, alertsByUrgency(alerts));
        add(figures, respondedWithinTarget(ALERTS_RESPONDED_WITHIN_TARGET, alerts, URGENCIES_WITH_TARGET, now));
        for (String urgency : URGENCIES_WITH_TARGET) {
            add(
                    figures,
                    respondedWithinTarget(
                            IndicatorCatalogue.respondedWithinTarget(urgency), alerts, List.of(urgency), now));
        }
        add(figures, medianTimeToQualification(alerts));
        add(figures, escalated(alerts));
        add(figures, feedbackToEmitter(alerts));

        List<GroupFact> starting = facts.groupsStarting(territory, from, to).stream()
                .filter(g -> period.contains(g.firstSessionAt()))
                .toList();
        List<EnrolmentFact> ofStarting =
                starting.isEmpty() ? List.of() : facts.enrolmentsOfGroups(ids(starting, GroupFact::id));
        add(figures, fillRate(starting, ofStarting, now));
        add(figures, attendanceRate(facts.sessionsStarting(territory, from, to), period));
        add(figures, completionRate(facts.groupsCompleted(territory, from, to), period));
        add(figures, disengagementRate(facts.enrolmentsConfirmed(territory, from, to), period));
        Instant waitingAt = now.isBefore(to) ? now : to;
        List<EnrolmentFact> waitlisted = facts.enrolmentsWaitlisted(territory, waitingAt);
        List<GroupFact> waitingFor =
                waitlisted.isEmpty() ? List.of() : facts.groups(ids(waitlisted, EnrolmentFact::groupId));
        add(figures, waitlistLength(waitlisted, waitingFor, waitingAt));

        List<MeetingFact> meetings = facts.meetingsStarting(territory, from, to).stream()
                .filter(m -> period.contains(m.plannedStart()))
                .toList();
        add(figures, heldVsPlanned(meetings, now));
        add(figures, meanProfessionsPresent(meetings));
        add(figures, actionsDoneOnTime(facts.actionsDue(territory, period.firstDay(), period.lastDay()), period, now));

        QuestionnaireOutcomes.PairedChange who5 = outcomes.who5Change(territory, from, to);
        add(
                figures,
                new Figure(
                        QUESTIONNAIRES_WHO5_CHANGE, who5.pairs() == 0 ? null : who5.meanChange(), who5.pairs(), null));
        add(
                figures,
                meanScore(
                        QUESTIONNAIRES_PARTICIPANT_SATISFACTION,
                        outcomes.meanScore(WORKSHOP_SATISFACTION, territory, from, to)));
        add(
                figures,
                meanScore(
                        QUESTIONNAIRES_PROFESSIONAL_SATISFACTION,
                        outcomes.meanScore(PROFESSIONAL_SATISFACTION, territory, from, to)));

        List<Figure> ordered = new ArrayList<>();
        for (IndicatorDefinition definition : IndicatorCatalogue.all()) {
            ordered.add(Objects.requireNonNull(figures.get(definition.id()), definition.id()));
        }
        return ordered;
    }

    /** The figures with their targets (by indicator id) and statuses, in a period open or closed. */
    public static List<IndicatorValue> withTargets(List<Figure> figures, Map<String, Target> targets, boolean closed) {
        List<IndicatorValue> values = new ArrayList<>();
        for (Figure figure : figures) {
            Target target = targets.get(figure.id());
            values.add(new IndicatorValue(
                    IndicatorCatalogue.get(figure.id()),
                    figure.value(),
                    figure.n(),
                    figure.breakdown(),
                    target,
                    TargetStatus.of(figure.value(), target, closed)));
        }
        return values;
    }

    // ---- referrals (cohort: submitted in the period)

    static Figure referralsByStatus(List<ReferralFact> referrals) {
        return Figure.count(
                REFERRALS_BY_STATUS, referrals.size(), breakdown(REFERRAL_STATUSES, referrals, ReferralFact::status));
    }

    static Figure referralsBySource(List<ReferralFact> referrals) {
        return Figure.count(
                REFERRALS_BY_SOURCE, referrals.size(), breakdown(REFERRAL_SOURCES, referrals, ReferralFact::source));
    }

    static Figure acceptanceRate(List<ReferralFact> referrals) {
        List<ReferralFact> answered =
                referrals.stream().filter(ReferralFact::answered).toList();
        long accepted = answered.stream().filter(r -> r.acceptedAt() != null).count();
        return Figure.share(REFERRALS_ACCEPTANCE_RATE, accepted, answered.size(), null);
    }

    static Figure medianTimeToAnswer(List<ReferralFact> referrals) {
        List<Double> hours = referrals.stream()
                .filter(ReferralFact::answered)
                .map(r -> hours(Duration.between(r.submittedAt(), r.firstAnswerAt())))
                .toList();
        return new Figure(REFERRALS_MEDIAN_TIME_TO_ANSWER, median(hours), hours.size(), null);
    }

    static Figure answeredWithinTarget(List<ReferralFact> referrals, Instant now) {
        long cases = 0;
        long within = 0;
        for (ReferralFact referral : referrals) {
            Instant due = referral.answerDueBy();
            if (due == null) {
                continue;
            }
            Instant answer = referral.firstAnswerAt();
            if (answer != null) {
                cases++;
                if (!answer.isAfter(due)) {
                    within++;
                }
            } else if (due.isBefore(now)
                    && (referral.cancelledAt() == null
                            || !referral.cancelledAt().isBefore(due))) {
                cases++;
            }
        }
        return Figure.share(REFERRALS_ANSWERED_WITHIN_TARGET, within, cases, null);
    }

    // ---- alerts (cohort: raised in the period)

    static Figure alertsByUrgency(List<AlertFact> alerts) {
        List<String> categories = new ArrayList<>(URGENCIES);
        categories.add(UNQUALIFIED);
        return Figure.count(
                ALERTS_BY_URGENCY,
                alerts.size(),
                breakdown(categories, alerts, a -> Objects.requireNonNullElse(a.urgency(), UNQUALIFIED)));
    }

    /**
     * Alerts of the given urgencies that were responded to, or were qualified and are unresponded past their
     * due time (not closed before it): the share whose first response was within target.
     */
    static Figure respondedWithinTarget(String id, List<AlertFact> alerts, List<String> urgencies, Instant now) {
        Map<String, Long> breakdown = new LinkedHashMap<>();
        boolean perUrgency = urgencies.size() > 1;
        if (perUrgency) {
            urgencies.forEach(u -> {
                breakdown.put(u + ".cases", 0L);
                breakdown.put(u + ".within-target", 0L);
            });
        }
        long cases = 0;
        long within = 0;
        for (AlertFact alert : alerts) {
            String urgency = alert.urgency();
            if (urgency == null || !urgencies.contains(urgency)) {
                continue;
            }
            AlertFact.Response response = alert.firstResponse();
            boolean counted;
            boolean inTime = false;
            if (response != null) {
                counted = true;
                inTime = response.withinTarget();
            } else {
                Instant due = alert.dueBy();
                counted = due != null
                        && due.isBefore(now)
                        && (alert.closedAt() == null || !alert.closedAt().isBefore(due));
            }
            if (counted) {
                cases++;
                if (perUrgency) {
                    breakdown.merge(urgency + ".cases", 1L, Long::sum);
                }
                if (inTime) {
                    within++;
                    if (perUrgency) {
                        breakdown.merge(urgency + ".within-target", 1L, Long::sum);
                    }
                }
            }
        }
        return Figure.share(id, within, cases, breakdown);
    }

    static Figure medianTimeToQualification(List<AlertFact> alerts) {
        List<Double> minutes = alerts.stream()
                .filter(a -> a.firstQualifiedAt() != null)
                .map(a -> minutes(Duration.between(a.raisedAt(), a.firstQualifiedAt())))
                .toList();
        return new Figure(ALERTS_MEDIAN_TIME_TO_QUALIFICATION, median(minutes), minutes.size(), null);
    }

    static Figure escalated(List<AlertFact> alerts) {
        Map<String, Long> levels = new LinkedHashMap<>();
        ESCALATION_LEVELS.forEach(level -> levels.put(level, 0L));
        long escalated = 0;
        for (AlertFact alert : alerts) {
            Integer reached = alert.escalationLevel();
            if (reached != null && reached >= 1) {
                escalated++;
                for (int level = 1; level <= reached; level++) {
                    levels.merge("level-" + level, 1L, Long::sum);
                }
            }
        }
        return Figure.count(ALERTS_ESCALATED, escalated, levels);
    }

    static Figure feedbackToEmitter(List<AlertFact> alerts) {
        List<AlertFact> closed = alerts.stream()
                .filter(a -> a.closedAt() != null && !a.feedbackWaived())
                .toList();
        long told = closed.stream().filter(AlertFact::feedbackToEmitter).count();
        return Figure.share(ALERTS_FEEDBACK_TO_EMITTER, told, closed.size(), null);
    }

    // ---- workshops

    /** Groups whose first session started in the period (cohort filtered by the caller) and before {@code now}. */
    static Figure fillRate(List<GroupFact> groups, List<EnrolmentFact> enrolments, Instant now) {
        Map<String, List<EnrolmentFact>> byGroup =
                enrolments.stream().collect(Collectors.groupingBy(EnrolmentFact::groupId));
        long taken = 0;
        long capacity = 0;
        long counted = 0;
        for (GroupFact group : groups) {
            Instant first = group.firstSessionAt();
            if (first == null || group.capacity() == null || first.isAfter(now)) {
                continue;
            }
            if (group.cancelledAt() != null
                    && group.cancelledAt().isBefore(first)
                    && !GroupFact.MINIMUM_NOT_REACHED.equals(group.cancelReason())) {
                continue;
            }
            long places = byGroup.getOrDefault(group.id(), List.of()).stream()
                    .filter(e -> e.confirmedAt() != null && !e.confirmedAt().isAfter(first))
                    .filter(e -> e.withdrewAt() == null || !e.withdrewAt().isBefore(first))
                    .count();
            taken += Math.min(places, group.capacity());
            capacity += group.capacity();
            counted++;
        }
        return new Figure(WORKSHOPS_FILL_RATE, capacity == 0 ? null : 100.0 * taken / capacity, counted, null);
    }

    static Figure attendanceRate(List<SessionFact> sessions, Period period) {
        long present = 0;
        long enrolled = 0;
        long counted = 0;
        for (SessionFact session : sessions) {
            SessionFact.Attendance attendance = session.current();
            if (!GROUP_SESSION.equals(session.kind()) || !period.contains(session.startsAt()) || attendance == null) {
                continue;
            }
            present += attendance.present();
            enrolled += attendance.enrolled();
            counted++;
        }
        return new Figure(WORKSHOPS_ATTENDANCE_RATE, enrolled == 0 ? null : 100.0 * present / enrolled, counted, null);
    }

    static Figure completionRate(List<GroupFact> groups, Period period) {
        long completed = 0;
        long participants = 0;
        for (GroupFact group : groups) {
            if (!period.contains(group.completedAt()) || group.completedCount() == null) {
                continue;
            }
            completed += group.completedCount();
            participants += group.completedCount()
                    + Objects.requireNonNullElse(group.notCompletedCount(), 0)
                    + Objects.requireNonNullElse(group.withdrawnCount(), 0);
        }
        return Figure.share(WORKSHOPS_COMPLETION_RATE, completed, participants, null);
    }

    static Figure disengagementRate(List<EnrolmentFact> enrolments, Period period) {
        List<EnrolmentFact> confirmed = enrolments.stream()
                .filter(e -> period.contains(e.confirmedAt()))
                .toList();
        long disengaged =
                confirmed.stream().filter(e -> e.firstDisengagedAt() != null).count();
        return Figure.share(WORKSHOPS_DISENGAGEMENT_RATE, disengaged, confirmed.size(), null);
    }

    /** People waiting at {@code at}. */
    static Figure waitlistLength(List<EnrolmentFact> enrolments, List<GroupFact> groups, Instant at) {
        Map<String, GroupFact> byId = groups.stream().collect(Collectors.toMap(GroupFact::id, g -> g, (a, b) -> a));
        long waiting = enrolments.stream()
                .filter(e -> e.waitlistedAt() != null && e.waitlistedAt().isBefore(at))
                .filter(e -> e.confirmedAt() == null || !e.confirmedAt().isBefore(at))
                .filter(e -> e.withdrewAt() == null || !e.withdrewAt().isBefore(at))
                .filter(e -> {
                    GroupFact group = byId.get(e.groupId());
                    return group == null || !group.endedBefore(at);
                })
                .count();
        return Figure.count(WORKSHOPS_WAITLIST_LENGTH, waiting, null);
    }

    // ---- meetings

    /** Meetings planned in the period (cohort filtered by the caller) that have started by {@code now}. */
    static Figure heldVsPlanned(List<MeetingFact> meetings, Instant now) {
        List<MeetingFact> planned = meetings.stream()
                .filter(m -> m.plannedStart() != null && !m.plannedStart().isAfter(now))
                .toList();
        List<MeetingFact> held = planned.stream().filter(MeetingFact::held).toList();
        return Figure.share(
                MEETINGS_HELD_VS_PLANNED,
                held.size(),
                planned.size(),
                breakdown(MEETING_KINDS, held, MeetingFact::kind));
    }

    static Figure meanProfessionsPresent(List<MeetingFact> meetings) {
        List<Integer> professions = meetings.stream()
                .filter(m -> m.held() && m.professions() != null)
                .map(MeetingFact::professions)
                .toList();
        Double mean = professions.isEmpty()
                ? null
                : professions.stream().mapToLong(Integer::longValue).sum() / (double) professions.size();
        return new Figure(MEETINGS_MEAN_PROFESSIONS_PRESENT, mean, professions.size(), null);
    }

    static Figure actionsDoneOnTime(List<ActionFact> actions, Period period, Instant now) {
        long cases = 0;
        long onTime = 0;
        for (ActionFact action : actions) {
            if (!period.contains(action.dueOn())) {
                continue;
            }
            boolean dueDayEnded = !action.dueOn()
                    .plusDays(1)
                    .atStartOfDay(Period.PARIS)
                    .toInstant()
                    .isAfter(now);
            if (action.completedAt() == null && action.overdueAt() == null && !dueDayEnded) {
                continue;
            }
            cases++;
            if (action.completedAt() != null && Boolean.TRUE.equals(action.onTime())) {
                onTime++;
            }
        }
        return Figure.share(MEETINGS_ACTIONS_DONE_ON_TIME, onTime, cases, null);
    }

    // ---- questionnaires

    static Figure meanScore(String id, QuestionnaireOutcomes.MeanScore score) {
        return new Figure(id, score.n() == 0 ? null : score.mean(), score.n(), null);
    }

    // ---- helpers

    private static void add(Map<String, Figure> figures, Figure figure) {
        figures.put(figure.id(), figure);
    }

    /** Counts per category, every category listed (0 when none), others appended as found. */
    static <T> Map<String, Long> breakdown(List<String> categories, Collection<T> cases, Function<T, String> category) {
        Map<String, Long> counts = new LinkedHashMap<>();
        categories.forEach(c -> counts.put(c, 0L));
        cases.forEach(c -> counts.merge(Objects.requireNonNullElse(category.apply(c), "UNKNOWN"), 1L, Long::sum));
        return counts;
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double hours(Duration duration) {
        return duration.toMillis() / 3_600_000.0;
    }

    private static double minutes(Duration duration) {
        return duration.toMillis() / 60_000.0;
    }

    private static <T> List<String> ids(List<T> facts, Function<T, String> id) {
        return facts.stream().map(id).filter(Objects::nonNull).distinct().toList();
    }
}
