package fr.maillage.evaluation.indicator;

import static fr.maillage.evaluation.indicator.IndicatorEvents.ACTION_ASSIGNED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.ACTION_COMPLETED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.ACTION_OVERDUE;
import static fr.maillage.evaluation.indicator.IndicatorEvents.ALERT_CLOSED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.ALERT_ESCALATED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.ALERT_FEEDBACK_SENT;
import static fr.maillage.evaluation.indicator.IndicatorEvents.ALERT_QUALIFIED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.ALERT_RAISED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.ALERT_RESPONDED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.ENROLMENT_CONFIRMED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.ENROLMENT_WAITLISTED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.GROUP_CANCELLED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.GROUP_COMPLETED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.GROUP_OPENED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.GROUP_SCHEDULED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.MEETING_CANCELLED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.MEETING_HELD;
import static fr.maillage.evaluation.indicator.IndicatorEvents.MEETING_SCHEDULED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.PARTICIPANT_DISENGAGED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.PARTICIPANT_WITHDREW;
import static fr.maillage.evaluation.indicator.IndicatorEvents.REFERRAL_ACCEPTED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.REFERRAL_CANCELLED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.REFERRAL_COMPLETED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.REFERRAL_DECLINED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.REFERRAL_OVERDUE;
import static fr.maillage.evaluation.indicator.IndicatorEvents.REFERRAL_REDIRECTED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.REFERRAL_SUBMITTED;
import static fr.maillage.evaluation.indicator.IndicatorEvents.SESSION_HELD;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The indicator catalogue ({@code GET /api/indicators/definitions}): ids are fixed (reports, the
 * closed-period review and the system tests use them). Cohort rule: a case belongs to the period (Paris
 * time) containing the instant its formula names; a case with no such instant is not counted.
 */
public final class IndicatorCatalogue {

    public static final String REFERRALS = "REFERRALS";
    public static final String ALERTS = "ALERTS";
    public static final String WORKSHOPS = "WORKSHOPS";
    public static final String MEETINGS = "MEETINGS";
    public static final String QUESTIONNAIRES = "QUESTIONNAIRES";

    public static final String REFERRALS_BY_STATUS = "referrals.by-status";
    public static final String REFERRALS_BY_SOURCE = "referrals.by-source";
    public static final String REFERRALS_ACCEPTANCE_RATE = "referrals.acceptance-rate";
    public static final String REFERRALS_MEDIAN_TIME_TO_ANSWER = "referrals.median-time-to-answer";
    public static final String REFERRALS_ANSWERED_WITHIN_TARGET = "referrals.answered-within-target";
    public static final String ALERTS_BY_URGENCY = "alerts.by-urgency";
    public static final String ALERTS_RESPONDED_WITHIN_TARGET = "alerts.responded-within-target";
    public static final String ALERTS_MEDIAN_TIME_TO_QUALIFICATION = "alerts.median-time-to-qualification";
    public static final String ALERTS_ESCALATED = "alerts.escalated";
    public static final String ALERTS_FEEDBACK_TO_EMITTER = "alerts.feedback-to-emitter";
    public static final String WORKSHOPS_FILL_RATE = "workshops.fill-rate";
    public static final String WORKSHOPS_ATTENDANCE_RATE = "workshops.attendance-rate";
    public static final String WORKSHOPS_COMPLETION_RATE = "workshops.completion-rate";
    public static final String WORKSHOPS_DISENGAGEMENT_RATE = "workshops.disengagement-rate";
    public static final String WORKSHOPS_WAITLIST_LENGTH = "workshops.waitlist-length";
    public static final String MEETINGS_HELD_VS_PLANNED = "meetings.held-vs-planned";
    public static final String MEETINGS_MEAN_PROFESSIONS_PRESENT = "meetings.mean-professions-present";
    public static final String MEETINGS_ACTIONS_DONE_ON_TIME = "meetings.actions-done-on-time";
    public static final String QUESTIONNAIRES_WHO5_CHANGE = "questionnaires.who5-change";
    public static final String QUESTIONNAIRES_PARTICIPANT_SATISFACTION = "questionnaires.participant-satisfaction";
    public static final String QUESTIONNAIRES_PROFESSIONAL_SATISFACTION = "questionnaires.professional-satisfaction";

    /** The urgencies with a response-time target (F and G have none). */
    public static final List<String> URGENCIES_WITH_TARGET = List.of("A", "B", "C", "D", "E");

    /** {@code alerts.responded-within-target.A} ... {@code .E}. */
    public static String respondedWithinTarget(String urgency) {
        return ALERTS_RESPONDED_WITHIN_TARGET + "." + urgency;
    }

    private static final List<IndicatorDefinition> DEFINITIONS = definitions();

    private static final Map<String, IndicatorDefinition> BY_ID = index(DEFINITIONS);

    private IndicatorCatalogue() {}

    /** Every indicator, by domain (referrals, alerts, workshops, meetings, questionnaires), then as listed. */
    public static List<IndicatorDefinition> all() {
        return DEFINITIONS;
    }

    public static Optional<IndicatorDefinition> find(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id));
    }

    public static boolean contains(String id) {
        return find(id).isPresent();
    }

    public static IndicatorDefinition get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("No indicator " + id));
    }

    private static List<IndicatorDefinition> definitions() {
        List<IndicatorDefinition> all = new ArrayList<>();
        List<String> referralLife = List.of(
                REFERRAL_SUBMITTED,
                REFERRAL_ACCEPTED,
                REFERRAL_DECLINED,
                REFERRAL_REDIRECTED,
                REFERRAL_CANCELLED,
                REFERRAL_COMPLETED);
        List<String> answers = List.of(REFERRAL_SUBMITTED, REFERRAL_ACCEPTED, REFERRAL_DECLINED, REFERRAL_REDIRECTED);
        all.add(new IndicatorDefinition(
                REFERRALS_BY_STATUS,
                REFERRALS,
                "Referrals by status",
                "Referrals submitted in the period, broken down by their current status: SUBMITTED (no answer"
                        + " yet), ACCEPTED (accepted, also while in progress), DECLINED, REDIRECTED, CANCELLED,"
                        + " COMPLETED.",
                Unit.COUNT,
                referralLife));
        all.add(new IndicatorDefinition(
                REFERRALS_BY_SOURCE,
                REFERRALS,
                "Referrals by source",
                "Referrals submitted in the period, broken down by where they came from: ALERT (an alert's"
                        + " response named the referral), REDIRECTION (created by the redirection of an earlier"
                        + " referral), DIRECT (any other).",
                Unit.COUNT,
                List.of(REFERRAL_SUBMITTED, REFERRAL_REDIRECTED, ALERT_RESPONDED)));
        all.add(new IndicatorDefinition(
                REFERRALS_ACCEPTANCE_RATE,
                REFERRALS,
                "Referral acceptance rate",
                "Of the referrals submitted in the period that were answered (accepted, declined or"
                        + " redirected), the share accepted. n = answered referrals.",
                Unit.PERCENT,
                answers));
        all.add(new IndicatorDefinition(
                REFERRALS_MEDIAN_TIME_TO_ANSWER,
                REFERRALS,
                "Median time to answer a referral",
                "Median, over the answered referrals submitted in the period, of the time from submission to"
                        + " the first answer (accepted, declined or redirected), in hours. n = answered"
                        + " referrals.",
                Unit.HOURS,
                answers));
        all.add(new IndicatorDefinition(
                REFERRALS_ANSWERED_WITHIN_TARGET,
                REFERRALS,
                "Referrals answered within target",
                "Of the referrals submitted in the period that were answered, or are still unanswered after"
                        + " their answer target (answerDueBy) has passed at computation (unless cancelled before"
                        + " it), the share answered by answerDueBy. n = those referrals.",
                Unit.PERCENT,
                List.of(
                        REFERRAL_SUBMITTED,
                        REFERRAL_ACCEPTED,
                        REFERRAL_DECLINED,
                        REFERRAL_REDIRECTED,
                        REFERRAL_CANCELLED,
                        REFERRAL_OVERDUE)));

        all.add(new IndicatorDefinition(
                ALERTS_BY_URGENCY,
                ALERTS,
                "Alerts by urgency",
                "Alerts raised in the period, broken down by decided urgency A to G (the latest"
                        + " qualification's), or UNQUALIFIED.",
                Unit.COUNT,
                List.of(ALERT_RAISED, ALERT_QUALIFIED)));
        List<String> responded = List.of(ALERT_RAISED, ALERT_QUALIFIED, ALERT_RESPONDED, ALERT_CLOSED);
        all.add(new IndicatorDefinition(
                ALERTS_RESPONDED_WITHIN_TARGET,
                ALERTS,
                "Alerts responded within target",
                "Of the alerts raised in the period with an urgency A to E (F and G have no response target)"
                        + " that were responded to, or were qualified and are still unresponded after their due"
                        + " time (dueBy) has passed at computation (unless closed before it), the share whose"
                        + " first response came within target. n = those alerts. Breakdown per urgency: the"
                        + " alerts counted (<U>.cases) and those within target (<U>.within-target).",
                Unit.PERCENT,
                responded));
        for (String urgency : URGENCIES_WITH_TARGET) {
            all.add(new IndicatorDefinition(
                    respondedWithinTarget(urgency),
                    ALERTS,
                    "Alerts of urgency " + urgency + " responded within target",
                    "The same as alerts.responded-within-target, restricted to the alerts of decided urgency " + urgency
                            + ".",
                    Unit.PERCENT,
                    responded));
        }
        all.add(new IndicatorDefinition(
                ALERTS_MEDIAN_TIME_TO_QUALIFICATION,
                ALERTS,
                "Median time to qualify an alert",
                "Median, over the qualified alerts raised in the period, of the time from raising to the first"
                        + " qualification, in minutes. n = qualified alerts.",
                Unit.MINUTES,
                List.of(ALERT_RAISED, ALERT_QUALIFIED)));
        all.add(new IndicatorDefinition(
                ALERTS_ESCALATED,
                ALERTS,
                "Alerts escalated",
                "Alerts raised in the period that were escalated at least once (their due time passed with no"
                        + " response); breakdown: alerts that reached level-1, level-2...",
                Unit.COUNT,
                List.of(ALERT_RAISED, ALERT_ESCALATED)));
        all.add(new IndicatorDefinition(
                ALERTS_FEEDBACK_TO_EMITTER,
                ALERTS,
                "Alerts with feedback to the emitter",
                "Of the alerts raised in the period that are closed without a waiver of feedback, the share"
                        + " whose emitter was told what happened (feedback recorded at closure, or a"
                        + " feedback-sent). n = those alerts.",
                Unit.PERCENT,
                List.of(ALERT_RAISED, ALERT_CLOSED, ALERT_FEEDBACK_SENT)));

        all.add(new IndicatorDefinition(
                WORKSHOPS_FILL_RATE,
                WORKSHOPS,
                "Workshop fill rate",
                "Over the workshop groups whose first session started in the period (and before computation;"
                        + " groups cancelled before it for another reason than minimum-not-reached left out):"
                        + " the places taken at the first session (enrolments confirmed by then and not"
                        + " withdrawn before it, at most the capacity) over the capacity, summed. n = groups.",
                Unit.PERCENT,
                List.of(GROUP_SCHEDULED, GROUP_OPENED, GROUP_CANCELLED, ENROLMENT_CONFIRMED, PARTICIPANT_WITHDREW)));
        all.add(new IndicatorDefinition(
                WORKSHOPS_ATTENDANCE_RATE,
                WORKSHOPS,
                "Workshop attendance rate",
                "Over the group sessions (not individual slots) starting in the period whose attendance was"
                        + " recorded: people present over people enrolled, summed, from each session's latest"
                        + " revision. n = sessions.",
                Unit.PERCENT,
                List.of(SESSION_HELD)));
        all.add(new IndicatorDefinition(
                WORKSHOPS_COMPLETION_RATE,
                WORKSHOPS,
                "Workshop completion rate",
                "Over the workshop groups completed in the period: participants who completed over all their"
                        + " participants (completed, not completed, withdrawn), summed. n = participants.",
                Unit.PERCENT,
                List.of(GROUP_COMPLETED)));
        all.add(new IndicatorDefinition(
                WORKSHOPS_DISENGAGEMENT_RATE,
                WORKSHOPS,
                "Workshop disengagement rate",
                "Of the enrolments confirmed in the period, the share with at least one disengagement (missed"
                        + " consecutive sessions without excuse). n = enrolments confirmed.",
                Unit.PERCENT,
                List.of(ENROLMENT_CONFIRMED, PARTICIPANT_DISENGAGED)));
        all.add(new IndicatorDefinition(
                WORKSHOPS_WAITLIST_LENGTH,
                WORKSHOPS,
                "People waiting for a workshop place",
                "People on a waiting list at the end of the period (or at computation if earlier): waitlisted,"
                        + " not yet given a place, not withdrawn, in a group neither cancelled nor completed.",
                Unit.COUNT,
                List.of(
                        ENROLMENT_WAITLISTED,
                        ENROLMENT_CONFIRMED,
                        PARTICIPANT_WITHDREW,
                        GROUP_CANCELLED,
                        GROUP_COMPLETED)));

        all.add(new IndicatorDefinition(
                MEETINGS_HELD_VS_PLANNED,
                MEETINGS,
                "Meetings held as planned",
                "Of the meetings planned to start in the period and already started at computation (cancelled"
                        + " ones included), the share held (attendance recorded). n = meetings planned;"
                        + " breakdown: meetings held by kind.",
                Unit.PERCENT,
                List.of(MEETING_SCHEDULED, MEETING_HELD, MEETING_CANCELLED)));
        all.add(new IndicatorDefinition(
                MEETINGS_MEAN_PROFESSIONS_PRESENT,
                MEETINGS,
                "Mean professions present at a meeting",
                "Mean number of distinct professions present at the meetings held that were planned to start in"
                        + " the period. n = meetings held.",
                Unit.MEAN,
                List.of(MEETING_SCHEDULED, MEETING_HELD)));
        all.add(new IndicatorDefinition(
                MEETINGS_ACTIONS_DONE_ON_TIME,
                MEETINGS,
                "Meeting actions done on time",
                "Of the actions due on a day of the period that are done or whose due day has ended (Paris), the"
                        + " share done before the end of their due day. n = those actions.",
                Unit.PERCENT,
                List.of(ACTION_ASSIGNED, ACTION_COMPLETED, ACTION_OVERDUE)));

        List<String> responses = List.of("evaluation's own questionnaire responses");
        all.add(new IndicatorDefinition(
                QUESTIONNAIRES_WHO5_CHANGE,
                QUESTIONNAIRES,
                "Mean WHO-5 change, baseline to end of workshop",
                "Mean of END minus BASELINE WHO-5 percentage scores (0-100) of the people who answered both for"
                        + " the same workshop enrolment, counted in the period of their END response. n ="
                        + " pairs.",
                Unit.POINTS,
                responses));
        all.add(new IndicatorDefinition(
                QUESTIONNAIRES_PARTICIPANT_SATISFACTION,
                QUESTIONNAIRES,
                "Participant satisfaction after a workshop",
                "Mean percentage score (0-100) of the workshop-satisfaction responses recorded in the period."
                        + " n = responses.",
                Unit.PERCENT,
                responses));
        all.add(new IndicatorDefinition(
                QUESTIONNAIRES_PROFESSIONAL_SATISFACTION,
                QUESTIONNAIRES,
                "Professional satisfaction with the pluriprofessional work",
                "Mean percentage score (0-100) of the professional-satisfaction responses recorded in the"
                        + " period. n = responses.",
                Unit.PERCENT,
                responses));
        return List.copyOf(all);
    }

    private static Map<String, IndicatorDefinition> index(List<IndicatorDefinition> definitions) {
        Map<String, IndicatorDefinition> byId = new LinkedHashMap<>();
        for (IndicatorDefinition definition : definitions) {
            if (byId.put(definition.id(), definition) != null) {
                throw new IllegalStateException("Duplicate indicator id " + definition.id());
            }
        }
        return Map.copyOf(byId);
    }
}
