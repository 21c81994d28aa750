package fr.maillage.referral.referral;

import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.events.PublishesEvents;
import fr.maillage.referral.resource.Resource;
import fr.maillage.referral.resource.ResourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person referred to a resource, with their consent, and everything that happened to it since: the
 * referrer always learns the outcome (closed loop). Holds a personRef, never an identity.
 */
@Document("referrals")
public class Referral implements PublishesEvents {

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

    @Version
    private Long version;

    // Not final: Spring Data sets it when reading a document that still has events to publish.
    private List<OutboundEvent> pendingEvents = new ArrayList<>();

    @PersistenceCreator
    private Referral() {}

    /**
     * A new referral, SUBMITTED. The territory is the resource's: that is where it will be handled.
     *
     * @throws IllegalArgumentException without consent or to a resource that takes no referrals (callers
     *     check both first, to answer with a clear problem)
     */
    public static Submission submit(
            String id,
            String personRef,
            Resource resource,
            Priority priority,
            String reason,
            Referrer referrer,
            boolean consentGiven,
            Instant at) {
        if (!consentGiven) {
            throw new IllegalArgumentException("A referral needs the person's consent");
        }
        if (!resource.takesReferrals()) {
            throw new IllegalArgumentException("Resource " + resource.id() + " takes no referrals");
        }
        Referral referral = new Referral();
        referral.id = Objects.requireNonNull(id);
        referral.personRef = Objects.requireNonNull(personRef);
        referral.resourceId = resource.id();
        referral.resourceType = resource.type();
        referral.resourceInstitution = resource.institution();
        referral.territory = resource.territory();
        referral.priority = Objects.requireNonNull(priority);
        referral.reason = reason;
        referral.referrer = Objects.requireNonNull(referrer);
        referral.consent = new Consent(true, at, referrer.id(), resource.institution());
        referral.status = ReferralStatus.SUBMITTED;
        referral.submittedAt = at;
        referral.history.add(new HistoryEntry(at, ReferralStatus.SUBMITTED, null, referrer.id(), null));
        return new Submission(
                referral,
                new ReferralEvent.ReferralSubmitted(
                        id,
                        personRef,
                        referral.resourceId,
                        referral.resourceType,
                        referral.resourceInstitution,
                        referral.territory,
                        priority,
                        referrer.institution(),
                        at));
    }

    public record Submission(Referral referral, ReferralEvent.ReferralSubmitted event) {}

    /** The receiving side takes the referral on: SUBMITTED -> ACCEPTED. */
    public List<ReferralEvent> accept(String actor, Instant at) {
        if (status != ReferralStatus.SUBMITTED) {
            throw new IllegalTransitionException("accept", status);
        }
        status = ReferralStatus.ACCEPTED;
        history.add(new HistoryEntry(at, status, businessStatus, actor, null));
        return List.of(new ReferralEvent.ReferralAccepted(
                id,
                personRef,
                resourceId,
                resourceType,
                resourceInstitution,
                territory,
                priority,
                referrer.institution(),
                at));
    }

    /**
     * The resource confirmed a place: ACCEPTED -> IN_PROGRESS / ENROLLED. The same source event twice,
     * or a second confirmation, changes nothing.
     */
    public List<ReferralEvent> recordEnrolment(String sourceEventId, Instant at) {
        if (hasApplied(sourceEventId) || businessStatus == BusinessStatus.ENROLLED) {
            return List.of();
        }
        requireAccepted("record an enrolment for");
        status = ReferralStatus.IN_PROGRESS;
        businessStatus = BusinessStatus.ENROLLED;
        history.add(new HistoryEntry(at, status, businessStatus, null, sourceEventId));
        return List.of(new ReferralEvent.ReferralEnrolled(id, sourceEventId, at));
    }

    /**
     * The resource has no place yet: stays ACCEPTED, WAITLISTED. Never undoes an enrolment (a late or
     * replayed waitlisting after a confirmation is ignored), and the same source event twice is a no-op.
     */
    public List<ReferralEvent> recordWaitlisting(String sourceEventId, Integer position, Instant at) {
        if (hasApplied(sourceEventId) || businessStatus == BusinessStatus.ENROLLED) {
            return List.of();
        }
        requireAccepted("record a waiting-list place for");
        businessStatus = BusinessStatus.WAITLISTED;
        history.add(new HistoryEntry(at, status, businessStatus, null, sourceEventId));
        return List.of(new ReferralEvent.ReferralWaitlisted(id, sourceEventId, position, at));
    }

    private void requireAccepted(String action) {
        // An enrolment can only follow an acceptance; anything else is an inconsistency a human must see.
        if (status != ReferralStatus.ACCEPTED) {
            throw new IllegalTransitionException(action, status);
        }
    }

    private boolean hasApplied(String sourceEventId) {
        return sourceEventId != null && history.stream().anyMatch(entry -> sourceEventId.equals(entry.sourceEventId()));
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

    public long version() {
        return version == null ? 0 : version;
    }

    @Override
    public List<OutboundEvent> pendingEvents() {
        return pendingEvents;
    }
}
