package fr.maillage.alert.alert;

import fr.maillage.alert.alert.AlertEvent.AlertAssigned;
import fr.maillage.alert.alert.AlertEvent.AlertClosed;
import fr.maillage.alert.alert.AlertEvent.AlertEscalated;
import fr.maillage.alert.alert.AlertEvent.AlertQualified;
import fr.maillage.alert.alert.AlertEvent.AlertRaised;
import fr.maillage.alert.alert.AlertEvent.AlertResponded;
import fr.maillage.alert.alert.AlertEvent.FeedbackSent;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.events.PublishesEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An alert about a person in difficulty, from emission to feedback to whoever raised it (DOMAIN §4):
 * {@code RAISED -> QUALIFIED -> ASSIGNED -> RESPONDED -> CLOSED}. Each step returns the events it
 * causes and refuses, with an {@link IllegalTransitionException}, what the current status does not
 * allow. One document holds the state, its record and its outbox; {@code @Version} guards concurrent
 * writers (two escalation watchers, a watcher and a coordinator).
 */
@Document("alerts")
public class Alert implements PublishesEvents {

    /** Urgencies for which an on-site intervention (fiche 5.1) is no answer: too urgent, or no face-to-face. */
    static final Set<Urgency> NO_ON_SITE_INTERVENTION = EnumSet.of(Urgency.A, Urgency.F, Urgency.G);

    /** A response dated this much after the server's clock is still accepted (clients' clocks drift). */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(1);

    @Id
    private String id;

    @Version
    private Long version;

    private AlertStatus status;
    private Channel channel;
    private String territory;
    private String commune;
    private Emitter emitter;
    private String emitterFingerprint;
    private String personRef;
    private Subject subject;
    private String situation;
    private List<RiskFactor> riskFactors = new ArrayList<>();
    private boolean personAware;
    private Urgency suggestedUrgency;
    private String suggestionRule;
    private Urgency urgency;
    private ResponseLevel responseLevel;
    private String rationale;
    private String overrideReason;
    private Instant raisedAt;
    private String raisedBy;
    private Instant qualifiedAt;
    private String qualifiedBy;
    private Instant dueBy;
    // When the watcher must escalate next: dueBy, then dueBy + second-level delay, then never (null).
    private Instant nextEscalationAt;
    private int escalationLevel;
    private Assignment assignment;
    private List<Response> responses = new ArrayList<>();
    private Instant respondedAt;
    private Feedback feedback;
    private Closure closure;
    private List<String> linkedAlerts = new ArrayList<>();
    private boolean anonymised;
    private List<HistoryEntry> history = new ArrayList<>();

    // Not final: Spring Data sets it when reading a document that still has events to publish.
    private List<OutboundEvent> pendingEvents = new ArrayList<>();

    @PersistenceCreator
    private Alert() {}

    /** A new alert and the event that says so. */
    public record Raised(Alert alert, AlertRaised event) {}

    /**
     * Raises an alert: the triage policy suggests an urgency, and the provisional due time of that
     * urgency applies until qualification (so the queue sorts, and escalation watches, unqualified alerts too).
     *
     * @param raisedBy the {@code sub} of who recorded it; null when the platform raises it itself
     * @param possibleDuplicates ids of earlier alerts {@link DuplicateRule} matched, linked to this one
     * @throws IllegalArgumentException when a required part is missing (callers validate first)
     */
    public static Raised raise(
            String id,
            Raising raising,
            String raisedBy,
            Instant at,
            ResponsePlanning planning,
            List<String> possibleDuplicates) {
        require(raising.channel() != null, "a channel");
        require(raising.territory() != null && !raising.territory().isBlank(), "a territory");
        require(raising.emitter() != null && raising.emitter().kind() != null, "an emitter");
        require(raising.personRef() != null || raising.subject() != null, "a personRef or a subject");
        require(raising.situation() != null && !raising.situation().isBlank(), "a situation");
        TriagePolicy.Suggestion suggestion = TriagePolicy.suggest(raising.riskFactors());
        Alert alert = new Alert();
        alert.id = Objects.requireNonNull(id);
        alert.status = AlertStatus.RAISED;
        alert.channel = raising.channel();
        alert.territory = raising.territory();
        alert.commune = raising.commune();
        alert.emitter = raising.emitter();
        alert.emitterFingerprint = EmitterFingerprint.of(raising.emitter());
        alert.personRef = raising.personRef();
        alert.subject = raising.subject();
        alert.situation = raising.situation();
        alert.riskFactors = new ArrayList<>(raising.riskFactors());
        alert.personAware = raising.personAware();
        alert.suggestedUrgency = suggestion.urgency();
        alert.suggestionRule = suggestion.rule();
        alert.raisedAt = at;
        alert.raisedBy = raisedBy;
        alert.dueBy = Objects.requireNonNull(
                planning.dueBy(alert.territory, suggestion.urgency(), null, at), "due time of the suggested urgency");
        alert.nextEscalationAt = alert.dueBy;
        alert.linkedAlerts = possibleDuplicates == null
                ? new ArrayList<>()
                : new ArrayList<>(possibleDuplicates.stream().distinct().toList());
        alert.record(at, "raised", raisedBy, suggestion.urgency() + " " + suggestion.rule());
        AlertRaised event = new AlertRaised(
                alert.id,
                alert.territory,
                alert.channel,
                alert.emitter.kind(),
                alert.emitter.institution(),
                alert.personRef,
                alert.suggestedUrgency,
                at,
                alert.dueBy,
                !alert.linkedAlerts.isEmpty());
        return new Raised(alert, event);
    }

    /**
     * Decides the urgency and the level of response: sets the due time (from the raising instant) and
     * proposes a team. Allowed until the first response, so a mistaken qualification can be corrected.
     * An alert already ASSIGNED keeps its confirmed team; the coordinator may change it.
     */
    public List<AlertEvent> qualify(
            Urgency urgency,
            ResponseLevel level,
            String rationale,
            String overrideReason,
            String actor,
            Instant at,
            ResponsePlanning planning) {
        if (!status.awaitsResponse()) {
            throw new IllegalTransitionException("qualify", status);
        }
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(level, "responseLevel");
        if (urgency != suggestedUrgency && isBlank(overrideReason)) {
            throw AlertRuleViolation.unprocessable(
                    AlertRuleViolation.OVERRIDE_REASON_REQUIRED,
                    "The suggested urgency is " + suggestedUrgency + " (rule " + suggestionRule + "); qualifying it "
                            + urgency + " needs an overrideReason.");
        }
        if (level == ResponseLevel.ON_SITE_INTERVENTION && NO_ON_SITE_INTERVENTION.contains(urgency)) {
            throw AlertRuleViolation.unprocessable(
                    AlertRuleViolation.RESPONSE_LEVEL_NOT_APPLICABLE,
                    "An on-site intervention is not a response for urgency " + urgency + " (only for B, C, D and E).");
        }
        Instant newDueBy = Objects.requireNonNull(planning.dueBy(territory, urgency, level, raisedAt), "due time");
        if (nextEscalationAt != null) {
            // The next escalation keeps its distance to the due time (dueBy, or dueBy + the level-2 delay).
            nextEscalationAt = nextEscalationAt.plus(Duration.between(dueBy, newDueBy));
        }
        this.urgency = urgency;
        this.responseLevel = level;
        this.rationale = rationale;
        this.overrideReason = isBlank(overrideReason) ? null : overrideReason;
        this.qualifiedAt = at;
        this.qualifiedBy = actor;
        this.dueBy = newDueBy;
        List<AlertEvent> events = new ArrayList<>();
        events.add(
                new AlertQualified(id, territory, personRef, urgency, suggestedUrgency, level, raisedAt, at, newDueBy));
        if (status != AlertStatus.ASSIGNED) {
            status = AlertStatus.QUALIFIED;
            record(at, "qualified", actor, urgency + " " + level);
            Optional<TeamProposal> proposal = planning.propose(territory, commune, urgency, level, at);
            Assignment previous = assignment;
            assignment = proposal.map(p -> Assignment.proposal(p, at)).orElse(null);
            if (assignment != null
                    && (previous == null
                            || !previous.teamId().equals(assignment.teamId())
                            || !previous.rule().equals(assignment.rule()))) {
                record(at, "assignment-proposed", null, assignment.teamId() + " " + assignment.rule());
                events.add(new AlertAssigned(id, territory, assignment.teamId(), assignment.institution(), true, at));
            }
        } else {
            record(at, "qualified", actor, urgency + " " + level);
        }
        return events;
    }

    /**
     * Puts a team in charge: the proposed one ({@code teamId} null) or another team of the territory.
     *
     * @throws AlertRuleViolation {@code unknown-team} for a team routing does not know in this territory,
     *     {@code no-proposal} when there is no proposal to accept
     */
    public List<AlertEvent> assign(String teamId, String actor, Instant at, ResponsePlanning planning) {
        if (status != AlertStatus.QUALIFIED && status != AlertStatus.ASSIGNED) {
            throw new IllegalTransitionException("assign", status);
        }
        if (teamId == null) {
            if (assignment == null || !assignment.proposed()) {
                throw AlertRuleViolation.unprocessable(
                        AlertRuleViolation.NO_PROPOSAL,
                        "There is no proposed team to accept: name the team (teamId) of territory " + territory + ".");
            }
            assignment = assignment.confirmedBy(actor, at);
        } else {
            ResponderTeam team = planning.team(territory, teamId)
                    .orElseThrow(() -> AlertRuleViolation.unprocessable(
                            AlertRuleViolation.UNKNOWN_TEAM,
                            "No team '" + teamId + "' answers alerts in territory " + territory + "."));
            // Choosing the proposed team is accepting the proposal: its routing rule stays the reason.
            String rule = assignment != null && assignment.teamId().equals(team.id())
                    ? assignment.rule()
                    : Assignment.COORDINATOR_CHOICE;
            assignment = new Assignment(team.id(), team.name(), team.institution(), rule, false, at, actor);
        }
        status = AlertStatus.ASSIGNED;
        record(at, "assigned", actor, assignment.teamId());
        return List.of(new AlertAssigned(id, territory, assignment.teamId(), assignment.institution(), false, at));
    }

    /**
     * The due time passed with no response: raises {@code level} (1 at dueBy, 2 after {@code
     * secondLevelAfter} more). Asking for a level already reached, or before its time, changes nothing,
     * so a late or repeated sweep is harmless.
     *
     * @throws IllegalTransitionException once the alert has a response or is closed
     */
    public List<AlertEvent> escalate(int level, Instant at, Duration secondLevelAfter) {
        if (level < 1 || level > 2) {
            throw new IllegalArgumentException("Escalation levels are 1 and 2, not " + level);
        }
        if (!status.awaitsResponse()) {
            throw new IllegalTransitionException("escalate", status);
        }
        if (level <= escalationLevel || nextEscalationAt == null || at.isBefore(nextEscalationAt)) {
            return List.of();
        }
        if (level != escalationLevel + 1) {
            throw new IllegalArgumentException("Level " + escalationLevel + " is followed by " + (escalationLevel + 1));
        }
        escalationLevel = level;
        nextEscalationAt = level == 1 ? dueBy.plus(secondLevelAfter) : null;
        record(at, "escalated", null, "level " + level);
        return List.of(new AlertEscalated(id, territory, personRef, level, effectiveUrgency(), dueBy, at));
    }

    /**
     * Records what was done. The first response stops the clock (and escalation); later ones are
     * appended. Needs a qualified alert.
     *
     * @param respondedAt when it was done; null means now
     * @param respondedBy who did it; null means {@code actor}
     */
    public List<AlertEvent> respond(
            List<ResponseAction> actions,
            String summary,
            String referralId,
            String respondedBy,
            Instant respondedAt,
            String actor,
            Instant at) {
        if (status != AlertStatus.QUALIFIED && status != AlertStatus.ASSIGNED && status != AlertStatus.RESPONDED) {
            throw new IllegalTransitionException("record a response for", status);
        }
        if (actions == null || actions.isEmpty()) {
            throw new IllegalArgumentException("A response says what was done");
        }
        Instant when = respondedAt == null ? at : respondedAt;
        if (when.isAfter(at.plus(CLOCK_TOLERANCE))) {
            throw AlertRuleViolation.unprocessable(
                    AlertRuleViolation.RESPONSE_TIME_INVALID, "respondedAt " + when + " is in the future.");
        }
        if (when.isBefore(raisedAt)) {
            throw AlertRuleViolation.unprocessable(
                    AlertRuleViolation.RESPONSE_TIME_INVALID,
                    "respondedAt " + when + " is before the alert was raised (" + raisedAt + ").");
        }
        Response response =
                new Response(actions, summary, referralId, respondedBy == null ? actor : respondedBy, when, actor);
        responses.add(response);
        if (this.respondedAt == null || when.isBefore(this.respondedAt)) {
            this.respondedAt = when;
        }
        status = AlertStatus.RESPONDED;
        nextEscalationAt = null;
        record(
                at,
                "responded",
                actor,
                String.join(" ", actions.stream().map(Enum::name).toList()));
        return List.of(new AlertResponded(
                id, territory, personRef, urgency, response.actions(), referralId, raisedAt, dueBy, when));
    }

    /** Records the feedback given to the emitter; a later one replaces it. Needs a response first. */
    public List<AlertEvent> recordFeedback(String message, FeedbackChannel channel, String actor, Instant at) {
        if (status != AlertStatus.RESPONDED) {
            throw new IllegalTransitionException("record feedback for", status);
        }
        Objects.requireNonNull(channel, "channel");
        feedback = new Feedback(message, channel, at, actor);
        record(at, "feedback-sent", actor, channel.name());
        return List.of(new FeedbackSent(id, territory, channel, at));
    }

    /**
     * Closes the alert. Nothing is left unanswered: a response is needed, and feedback to the emitter
     * unless they wanted none or cannot be reached (anonymous), in which case a waiver reason is recorded.
     * {@link Outcome#DUPLICATE} closes from any open status an alert linked to others.
     *
     * @param linkedFromOthers whether later alerts link to this one (links are stored on the later alert)
     */
    public List<AlertEvent> close(
            Outcome outcome, String feedbackWaiverReason, boolean linkedFromOthers, String actor, Instant at) {
        Objects.requireNonNull(outcome, "outcome");
        if (status == AlertStatus.CLOSED) {
            throw new IllegalTransitionException("close", status);
        }
        String waiver = isBlank(feedbackWaiverReason) ? null : feedbackWaiverReason;
        if (outcome == Outcome.DUPLICATE) {
            if (linkedAlerts.isEmpty() && !linkedFromOthers) {
                throw AlertRuleViolation.unprocessable(
                        AlertRuleViolation.NO_LINKED_ALERT,
                        "Only an alert linked to another one can be closed as DUPLICATE.");
            }
        } else {
            if (status != AlertStatus.RESPONDED) {
                throw new IllegalTransitionException("close", status);
            }
            if (feedback == null) {
                requireWaiver(waiver);
            }
        }
        closure = new Closure(outcome, waiver, at, actor);
        status = AlertStatus.CLOSED;
        nextEscalationAt = null;
        record(at, "closed", actor, outcome.name());
        return List.of(new AlertClosed(
                id,
                territory,
                effectiveUrgency(),
                outcome,
                feedback != null,
                feedback == null && waiver != null,
                raisedAt,
                at));
    }

    private void requireWaiver(String waiver) {
        if (emitter.wantsFeedback() && !emitter.isAnonymous()) {
            throw AlertRuleViolation.conflict(
                    AlertRuleViolation.FEEDBACK_REQUIRED,
                    "The emitter asked to be told what happened: record the feedback before closing.");
        }
        if (waiver == null) {
            throw AlertRuleViolation.conflict(
                    AlertRuleViolation.FEEDBACK_REQUIRED,
                    "No feedback was recorded: the emitter wanted none or is anonymous, so give a"
                            + " feedbackWaiverReason, or record the feedback.");
        }
    }

    /**
     * Blanks what identifies the person or the emitter (the person was erased from the registry):
     * situation, subject, emitter name/organisation/contact and fingerprint, free texts. Urgencies,
     * timings, statuses and actions stay for the indicators.
     *
     * @return false when it already was anonymised
     */
    public boolean anonymise(Instant at) {
        if (anonymised) {
            return false;
        }
        situation = null;
        subject = null;
        emitter = emitter.anonymised();
        emitterFingerprint = null;
        rationale = null;
        overrideReason = null;
        responses = new ArrayList<>(responses.stream().map(Response::anonymised).toList());
        feedback = feedback == null ? null : feedback.anonymised();
        closure = closure == null ? null : closure.anonymised();
        anonymised = true;
        record(at, "anonymised", null, null);
        return true;
    }

    /** The qualified urgency, or the suggested one before qualification. */
    public Urgency effectiveUrgency() {
        return urgency != null ? urgency : suggestedUrgency;
    }

    /** Time left to the due time while a response is awaited (negative when overdue); null after it. */
    public Duration timeRemaining(Instant now) {
        return status.awaitsResponse() ? Duration.between(now, dueBy) : null;
    }

    /** Past the due time with no response yet, or answered (or closed unanswered) after it. */
    public boolean isOverdue(Instant now) {
        Instant reference = respondedAt != null ? respondedAt : closure != null ? closure.closedAt() : now;
        return reference.isAfter(dueBy);
    }

    private void record(Instant at, String action, String actor, String detail) {
        history.add(new HistoryEntry(at, action, status, actor, detail));
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException("An alert needs " + what);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public String id() {
        return id;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    public AlertStatus status() {
        return status;
    }

    public Channel channel() {
        return channel;
    }

    public String territory() {
        return territory;
    }

    public String commune() {
        return commune;
    }

    public Emitter emitter() {
        return emitter;
    }

    public String emitterFingerprint() {
        return emitterFingerprint;
    }

    public String personRef() {
        return personRef;
    }

    public Subject subject() {
        return subject;
    }

    public String situation() {
        return situation;
    }

    public List<RiskFactor> riskFactors() {
        return List.copyOf(riskFactors);
    }

    public boolean personAware() {
        return personAware;
    }

    public Urgency suggestedUrgency() {
        return suggestedUrgency;
    }

    public String suggestionRule() {
        return suggestionRule;
    }

    public Urgency urgency() {
        return urgency;
    }

    public ResponseLevel responseLevel() {
        return responseLevel;
    }

    public String rationale() {
        return rationale;
    }

    public String overrideReason() {
        return overrideReason;
    }

    public Instant raisedAt() {
        return raisedAt;
    }

    public String raisedBy() {
        return raisedBy;
    }

    public Instant qualifiedAt() {
        return qualifiedAt;
    }

    public String qualifiedBy() {
        return qualifiedBy;
    }

    public Instant dueBy() {
        return dueBy;
    }

    public Instant nextEscalationAt() {
        return nextEscalationAt;
    }

    public int escalationLevel() {
        return escalationLevel;
    }

    public Assignment assignment() {
        return assignment;
    }

    public List<Response> responses() {
        return List.copyOf(responses);
    }

    public Instant respondedAt() {
        return respondedAt;
    }

    public Feedback feedback() {
        return feedback;
    }

    public Closure closure() {
        return closure;
    }

    public List<String> linkedAlerts() {
        return List.copyOf(linkedAlerts);
    }

    public boolean anonymised() {
        return anonymised;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    @Override
    public List<OutboundEvent> pendingEvents() {
        return pendingEvents;
    }

    @Override
    public String toString() {
        // Ids and codes only: an alert may be printed in a log or a failed assertion.
        return "Alert[id=" + id + ", status=" + status + ", territory=" + territory + ", urgency=" + effectiveUrgency()
                + ", version=" + version + "]";
    }
}
