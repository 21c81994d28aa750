package fr.maillage.evaluation.indicator;

import fr.maillage.evaluation.indicator.Facts.ActionFact;
import fr.maillage.evaluation.indicator.Facts.AlertFact;
import fr.maillage.evaluation.indicator.Facts.EnrolmentFact;
import fr.maillage.evaluation.indicator.Facts.GroupFact;
import fr.maillage.evaluation.indicator.Facts.MeetingFact;
import fr.maillage.evaluation.indicator.Facts.ReferralFact;
import fr.maillage.evaluation.indicator.Facts.SessionFact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The facts a territory's figures are computed from, fetched by territory and time window ({@code from}
 * inclusive, {@code to} exclusive). The formulas check each case's cohort again: a source may return more.
 */
public interface FactSource {

    /** Referrals submitted in the window. */
    List<ReferralFact> referralsSubmitted(String territory, Instant from, Instant to);

    /** Alerts raised in the window. */
    List<AlertFact> alertsRaised(String territory, Instant from, Instant to);

    /** Groups whose first session starts in the window. */
    List<GroupFact> groupsStarting(String territory, Instant from, Instant to);

    /** Groups completed in the window. */
    List<GroupFact> groupsCompleted(String territory, Instant from, Instant to);

    /** Groups by id (those known). */
    List<GroupFact> groups(Collection<String> groupIds);

    /** Every enrolment of these groups. */
    List<EnrolmentFact> enrolmentsOfGroups(Collection<String> groupIds);

    /** Enrolments confirmed in the window. */
    List<EnrolmentFact> enrolmentsConfirmed(String territory, Instant from, Instant to);

    /** Enrolments waitlisted before {@code before}. */
    List<EnrolmentFact> enrolmentsWaitlisted(String territory, Instant before);

    /** Group and individual sessions starting in the window. */
    List<SessionFact> sessionsStarting(String territory, Instant from, Instant to);

    /** Meetings planned to start (or held, for those whose scheduling is unknown) in the window. */
    List<MeetingFact> meetingsStarting(String territory, Instant from, Instant to);

    /** Actions due on a day from {@code firstDay} to {@code lastDay} (inclusive). */
    List<ActionFact> actionsDue(String territory, LocalDate firstDay, LocalDate lastDay);
}
