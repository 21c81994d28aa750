package fr.maillage.referral.referral;

import static fr.maillage.referral.referral.ReferralStatus.ACCEPTED;
import static fr.maillage.referral.referral.ReferralStatus.IN_PROGRESS;
import static fr.maillage.referral.referral.ReferralStatus.SUBMITTED;

import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.events.PublishesEvents;
import fr.maillage.referral.resource.ResourceType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person referred to a resource, with their consent, and everything that happened to it since: the
 * referrer always learns the outcome (closed loop). A FHIR-Task-like state machine: every transition
 * checks the current status first and changes nothing when it is not allowed. Holds a personRef, never an
 * identity.
 */
@Document("referrals")
public class Referral implements PublishesEvents {

    /** The statuses each step may start from; anything else is an illegal transition. */
    static final Map<ReferralAction, Set<ReferralStatus>> ALLOWED_FROM = Map.ofEntries(
            Map.entry(ReferralAction.ACCEPTED, EnumSet.of(SUBMITTED)),
            Map.entry(ReferralAction.DECLINED, EnumSet.of(SUBMITTED, ACCEPTED)),
            Map.entry(ReferralAction.REDIRECTED, EnumSet.of(SUBMITTED, ACCEPTED)),
            // Only once: a second "first" contact is a conflict, even while IN_PROGRESS.
            Map.entry(ReferralAction.FIRST_CONTACT_MADE, EnumSet.of(ACCEPTED, IN_PROGRESS)),
            Map.entry(ReferralAction.COMPLETED, EnumSet.of(ACCEPTED, IN_PROGRESS)),
            Map.entry(ReferralAction.CANCELLED, EnumSet.of(SUBMITTED, ACCEPTED, IN_PROGRESS)),
            Map.entry(ReferralAction.ENROLLED, EnumSet.of(ACCEPTED, IN_PROGRESS)),
            Map.entry(ReferralAction.WAITLISTED, EnumSet.of(ACCEPTED, IN_PROGRESS)),
            // What a workshop reports about the person's participation follows an acceptance too.
            Map.entry(ReferralAction.SESSION_UNATTENDED, EnumSet.of(ACCEPTED, IN_PROGRESS)),
            Map.entry(ReferralAction.WORKSHOP_WITHDRAWN, EnumSet.of(ACCEPTED, IN_PROGRESS)),
            Map.entry(ReferralAction.GROUP_CANCELLED, EnumSet.of(ACCEPTED, IN_PROGRESS)),
            Map.entry(ReferralAction.WORKSHOP_COMPLETED, EnumSet.of(ACCEPTED, IN_PROGRESS)));

    private static final Map<ReferralAction, String> VERBS = Map.ofEntries(
            Map.entry(ReferralAction.ACCEPTED, "accept"),
            Map.entry(ReferralAction.DECLINED, "decline"),
            Map.entry(ReferralAction.REDIRECTED, "redirect"),
            Map.entry(ReferralAction.FIRST_CONTACT_MADE, "record a first contact for"),
            Map.entry(ReferralAction.COMPLETED, "complete"),
            Map.entry(ReferralAction.CANCELLED, "cancel"),
            Map.entry(ReferralAction.ENROLLED, "record an enrolment for"),
            Map.entry(ReferralAction.WAITLISTED, "record a waiting-list place for"),
            Map.entry(ReferralAction.SESSION_UNATTENDED, "record missed workshop sessions for"),
            Map.entry(ReferralAction.WORKSHOP_WITHDRAWN, "record a workshop withdrawal for"),
            Map.entry(ReferralAction.GROUP_CANCELLED, "record a cancelled workshop group for"),
            Map.entry(ReferralAction.WORKSHOP_COMPLETED, "record a completed workshop for"));

    /** What a workshop reports about the person's participation, and the business status each one leaves. */
    static final Map<ReferralAction, BusinessStatus> PARTICIPATION = Map.of(
            ReferralAction.SESSION_UNATTENDED, BusinessStatus.SESSION_UNATTENDED,
            ReferralAction.WORKSHOP_WITHDRAWN, BusinessStatus.WORKSHOP_WITHDRAWN,
            ReferralAction.GROUP_CANCELLED, BusinessStatus.GROUP_CANCELLED,
            ReferralAction.WORKSHOP_COMPLETED, BusinessStatus.WORKSHOP_COMPLETED);

    /** The steps that end a place in a group: after one of them, a new enrolment is a new place. */
    private static final Set<ReferralAction> PLACE_ENDED = EnumSet.of(
            ReferralAction.WORKSHOP_WITHDRAWN, ReferralAction.GROUP_CANCELLED, ReferralAction.WORKSHOP_COMPLETED);

    /** A first contact a little ahead of this service's clock is a clock skew, not a future contact. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    @Id
    private String id;

    private String personRef;
    private String resourceId;
    private ResourceType resourceType;
    private String resourceInstitution;
    private String territory;
    private Priority priority;
    private String reason;
    private Referrer referrer;
    private Consent consent;
    private ReferralStatus status;
    private BusinessStatus businessStatus;
    private List<HistoryEntry> history = new ArrayList<>();
    private Instant submittedAt;
    private Instant answerDueBy;
    private Instant overdueAt;
    private String redirectedFrom;
    private String redirectedTo;
    private Instant firstContactAt;
    private String outcome;
    private Instant closedAt;

    @Version
    private Long version;

    // Not final: Spring Data sets it when reading a document that still has events to publish.
    private List<OutboundEvent> pendingEvents = new ArrayList<>();

    @PersistenceCreator
    private Referral() {}

    /**
     * A new referral, SUBMITTED and RECEIVED (it is in the receiving side's inbox at once). The territory
     * is the target's: that is where it will be handled. The caller has checked that the target takes
     * referrals and that the consent covers it.
     */
    public static Submission submit(
            String id,
            String personRef,
            Target target,
            Priority priority,
            String reason,
            Referrer referrer,
            Consent consent,
            Instant answerDueBy,
            Instant at) {
        Actor submitter = new Actor(
                referrer.id(), referrer.username(), referrer.institution(), Set.of(), false, false, false, false);
        return create(id, personRef, target, priority, reason, referrer, consent, answerDueBy, submitter, null, at);
    }

    private static Submission create(
            String id,
            String personRef,
            Target target,
            Priority priority,
            String reason,
            Referrer referrer,
            Consent consent,
            Instant answerDueBy,
            Actor submittedBy,
            String redirectedFrom,
            Instant at) {
        if (consent == null || !consent.given()) {
            throw new ReferralRuleException("consent-required", "A referral needs the person's consent");
        }
        Referral referral = new Referral();
        referral.id = Objects.requireNonNull(id);
        referral.personRef = Objects.requireNonNull(personRef);
        referral.resourceId = target.resourceId();
        referral.resourceType = target.type();
        referral.resourceInstitution = target.institution();
        referral.territory = target.territory();
        referral.priority = Objects.requireNonNull(priority);
        referral.reason = reason;
        referral.referrer = Objects.requireNonNull(referrer);
        referral.consent = consent;
        referral.status = SUBMITTED;
        referral.businessStatus = BusinessStatus.RECEIVED;
        referral.submittedAt = at;
        referral.answerDueBy = Objects.requireNonNull(answerDueBy);
        referral.redirectedFrom = redirectedFrom;
        HistoryEntry submitted =
                HistoryEntry.by(submittedBy, at, ReferralAction.SUBMITTED, SUBMITTED, BusinessStatus.RECEIVED);
        referral.history.add(redirectedFrom == null ? submitted : submitted.linkedTo(redirectedFrom));
        return new Submission(
                referral, new ReferralEvent.ReferralSubmitted(referral.facts(), answerDueBy, redirectedFrom, at));
    }

    public record Submission(Referral referral, ReferralEvent.ReferralSubmitted event) {}

    /** The old referral's events and the new linked referral a redirection made. */
    public record Redirection(Referral next, List<ReferralEvent> events, ReferralEvent.ReferralSubmitted nextEvent) {}

    /**
     * Throws {@link IllegalTransitionException} unless {@code action} may happen now. Lets a caller refuse
     * before doing anything outside the referral (recording a consent) that the transition would need.
     */
    public void check(ReferralAction action) {
        Set<ReferralStatus> from = ALLOWED_FROM.get(action);
        boolean allowed = from != null && from.contains(status);
        if (action == ReferralAction.FIRST_CONTACT_MADE && firstContactAt != null) {
            allowed = false;
        }
        if (!allowed) {
            throw new IllegalTransitionException(VERBS.getOrDefault(action, action.name()), status, businessStatus);
        }
    }

    /** The receiving side takes the referral on: SUBMITTED -> ACCEPTED. */
    public List<ReferralEvent> accept(Actor by, Instant at) {
        check(ReferralAction.ACCEPTED);
        status = ACCEPTED;
        history.add(HistoryEntry.by(by, at, ReferralAction.ACCEPTED, status, businessStatus));
        return List.of(new ReferralEvent.ReferralAccepted(facts(), at));
    }

    /** The receiving side says no, with a reason code (and a comment for OTHER): -> DECLINED, terminal. */
    public List<ReferralEvent> decline(DeclineReason reason, String comment, Actor by, Instant at) {
        check(ReferralAction.DECLINED);
        Objects.requireNonNull(reason, "reason").requireCommentIfNeeded(comment);
        status = ReferralStatus.DECLINED;
        closedAt = at;
        history.add(HistoryEntry.by(by, at, ReferralAction.DECLINED, status, businessStatus)
                .withReason(reason.name(), blankToNull(comment)));
        return List.of(new ReferralEvent.ReferralDeclined(facts(), reason, at));
    }

    /**
     * The receiving side sends the person elsewhere: this referral ends REDIRECTED (terminal, with the
     * reason) and a new linked referral to {@code newTarget} starts SUBMITTED, for the same person,
     * referrer, priority and clinical reason, so the referrer follows the whole story.
     *
     * @param code why this resource does not take the person on
     * @param consent the consent covering the new target
     */
    public Redirection redirect(
            String newId,
            Target newTarget,
            DeclineReason code,
            String comment,
            Consent consent,
            Instant newAnswerDueBy,
            Actor by,
            Instant at) {
        check(ReferralAction.REDIRECTED);
        Objects.requireNonNull(code, "code").requireCommentIfNeeded(comment);
        if (newTarget.resourceId().equals(resourceId)) {
            throw new ReferralRuleException(
                    "same-resource", "A referral is redirected to another resource than the one it is addressed to");
        }
        Submission next =
                create(newId, personRef, newTarget, priority, reason, referrer, consent, newAnswerDueBy, by, id, at);
        status = ReferralStatus.REDIRECTED;
        redirectedTo = newId;
        closedAt = at;
        history.add(HistoryEntry.by(by, at, ReferralAction.REDIRECTED, status, businessStatus)
                .withReason(code.name(), blankToNull(comment))
                .linkedTo(newId));
        return new Redirection(
                next.referral(),
                List.of(new ReferralEvent.ReferralRedirected(facts(), newId, newTarget.resourceId(), code, at)),
                next.event());
    }

    /** The resource reached the person: -> IN_PROGRESS / FIRST_CONTACT_MADE, once. */
    public List<ReferralEvent> recordFirstContact(Instant contactAt, Actor by, Instant at) {
        check(ReferralAction.FIRST_CONTACT_MADE);
        Instant when = contactAt == null ? at : contactAt;
        if (when.isBefore(submittedAt) || when.isAfter(at.plus(CLOCK_SKEW))) {
            throw new ReferralRuleException(
                    "invalid-first-contact-time",
                    "The first contact happens after the referral was submitted (" + submittedAt
                            + ") and not in the future");
        }
        status = IN_PROGRESS;
        businessStatus = BusinessStatus.FIRST_CONTACT_MADE;
        firstContactAt = when;
        history.add(HistoryEntry.by(by, at, ReferralAction.FIRST_CONTACT_MADE, status, businessStatus));
        return List.of(new ReferralEvent.FirstContactMade(facts(), when, at));
    }

    /** The resource's part is done: -> COMPLETED, terminal, with an optional outcome for the referrer. */
    public List<ReferralEvent> complete(String outcome, Actor by, Instant at) {
        check(ReferralAction.COMPLETED);
        status = ReferralStatus.COMPLETED;
        this.outcome = blankToNull(outcome);
        closedAt = at;
        history.add(HistoryEntry.by(by, at, ReferralAction.COMPLETED, status, businessStatus)
                .withReason(null, this.outcome));
        return List.of(new ReferralEvent.ReferralCompleted(facts(), at));
    }

    /** The referrer withdraws the referral, saying why: -> CANCELLED, terminal. */
    public List<ReferralEvent> cancel(String why, Actor by, Instant at) {
        check(ReferralAction.CANCELLED);
        if (why == null || why.isBlank()) {
            throw new ReferralRuleException("reason-required", "A cancellation says why");
        }
        status = ReferralStatus.CANCELLED;
        closedAt = at;
        history.add(HistoryEntry.by(by, at, ReferralAction.CANCELLED, status, businessStatus)
                .withReason(null, why.strip()));
        return List.of(new ReferralEvent.ReferralCancelled(facts(), at));
    }

    /**
     * Raised once when the referral is still SUBMITTED at {@code now}, past its answer target; nothing
     * otherwise (answered meanwhile, already raised, not due yet).
     */
    public List<ReferralEvent> markOverdue(Instant now) {
        if (status != SUBMITTED || overdueAt != null || answerDueBy == null || now.isBefore(answerDueBy)) {
            return List.of();
        }
        overdueAt = now;
        history.add(HistoryEntry.fromEvent(null, now, ReferralAction.OVERDUE, status, businessStatus));
        return List.of(new ReferralEvent.ReferralOverdue(facts(), answerDueBy, now));
    }

    /**
     * The resource confirmed a place: -> IN_PROGRESS / ENROLLED. The same source event twice, or a second
     * confirmation while the person holds a place, changes nothing; after the place ended (withdrawal,
     * cancelled group, completed workshop) a confirmation is a new place and is recorded.
     */
    public List<ReferralEvent> recordEnrolment(String sourceEventId, Instant at) {
        if (hasApplied(sourceEventId) || holdsAPlace()) {
            return List.of();
        }
        // An enrolment can only follow an acceptance; anything else is an inconsistency a human must see.
        check(ReferralAction.ENROLLED);
        status = IN_PROGRESS;
        businessStatus = BusinessStatus.ENROLLED;
        history.add(HistoryEntry.fromEvent(sourceEventId, at, ReferralAction.ENROLLED, status, businessStatus));
        return List.of(new ReferralEvent.ReferralEnrolled(id, sourceEventId, at));
    }

    /**
     * The resource has no place yet: the status stays, WAITLISTED. Never undoes an enrolment (a late or
     * replayed waitlisting while the person holds a place is ignored), and the same source event twice is a
     * no-op.
     */
    public List<ReferralEvent> recordWaitlisting(String sourceEventId, Integer position, Instant at) {
        if (hasApplied(sourceEventId) || holdsAPlace()) {
            return List.of();
        }
        check(ReferralAction.WAITLISTED);
        businessStatus = BusinessStatus.WAITLISTED;
        history.add(HistoryEntry.fromEvent(sourceEventId, at, ReferralAction.WAITLISTED, status, businessStatus));
        return List.of(new ReferralEvent.ReferralWaitlisted(id, sourceEventId, position, at));
    }

    /**
     * What a workshop reports about the person's participation (one of {@link #PARTICIPATION}'s steps): a
     * history entry and the business status of that step, so the referrer sees it; the status is left as it
     * is. In FHIR Task terms the status is the lifecycle the two sides own (only the receiving side
     * completes a referral, with its outcome; only the referrer cancels it), while businessStatus says what
     * the resource did last. So a withdrawal or a cancelled group does not end the referral (the person
     * still needs the programme: another group, or a decision of the receiving side), and a completed
     * workshop waits for the receiving side to complete the referral.
     *
     * <p>The same source event twice changes nothing; a closed referral takes no more steps (the referrer
     * may have cancelled it while the person stayed in the group: a late fact, not an inconsistency), and a
     * referral never accepted is an inconsistency ({@link IllegalTransitionException}).
     *
     * @param reasonCode the code the workshop gave (withdrawal or cancellation reason), or null
     */
    public List<ReferralEvent> recordParticipation(
            ReferralAction step, String sourceEventId, String reasonCode, Instant at) {
        BusinessStatus next = PARTICIPATION.get(step);
        if (next == null) {
            throw new IllegalArgumentException(step + " is not a workshop participation step");
        }
        if (hasApplied(sourceEventId) || status.isTerminal()) {
            return List.of();
        }
        check(step);
        businessStatus = next;
        history.add(HistoryEntry.fromEvent(sourceEventId, at, step, status, businessStatus)
                .withReason(blankToNull(reasonCode), null));
        return List.of(new ReferralEvent.ParticipationRecorded(id, sourceEventId, step, at));
    }

    /** Whether the last place a workshop confirmed for the person has not ended since. */
    private boolean holdsAPlace() {
        for (HistoryEntry entry : history.reversed()) {
            if (entry.action() == ReferralAction.ENROLLED) {
                return true;
            }
            if (PLACE_ENDED.contains(entry.action())) {
                return false;
            }
        }
        return false;
    }

    private boolean hasApplied(String sourceEventId) {
        return sourceEventId != null && history.stream().anyMatch(entry -> sourceEventId.equals(entry.sourceEventId()));
    }

    ReferralEvent.Facts facts() {
        return new ReferralEvent.Facts(
                id,
                personRef,
                resourceId,
                resourceType,
                resourceInstitution,
                territory,
                priority,
                referrer.institution());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public String id() {
        return id;
    }

    public String personRef() {
        return personRef;
    }

    public String resourceId() {
        return resourceId;
    }

    public ResourceType resourceType() {
        return resourceType;
    }

    public String resourceInstitution() {
        return resourceInstitution;
    }

    public String territory() {
        return territory;
    }

    public Priority priority() {
        return priority;
    }

    public String reason() {
        return reason;
    }

    public Referrer referrer() {
        return referrer;
    }

    public Consent consent() {
        return consent;
    }

    public ReferralStatus status() {
        return status;
    }

    public BusinessStatus businessStatus() {
        return businessStatus;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant answerDueBy() {
        return answerDueBy;
    }

    /** When the watcher found it unanswered past {@link #answerDueBy()}; null if it never was. */
    public Instant overdueAt() {
        return overdueAt;
    }

    public String redirectedFrom() {
        return redirectedFrom;
    }

    public String redirectedTo() {
        return redirectedTo;
    }

    public Instant firstContactAt() {
        return firstContactAt;
    }

    public String outcome() {
        return outcome;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public long version() {
        return version == null ? 0 : version;
    }

    @Override
    public List<OutboundEvent> pendingEvents() {
        return pendingEvents;
    }
}
