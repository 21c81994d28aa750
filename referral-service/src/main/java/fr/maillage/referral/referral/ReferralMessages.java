package fr.maillage.referral.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import fr.maillage.platform.events.EventOutbox;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The published contract of referrals on {@code referral.events.v1}. Pseudonymous by construction: a
 * personRef, ids and codes, never a name, birth date, the clinical reason or a comment (the schemas forbid
 * extra fields). Audience: the referrer's and the target's institutions.
 */
@Component
class ReferralMessages {

    static final String SUBMITTED = "fr.maillage.referral.submitted.v1";
    static final String ACCEPTED = "fr.maillage.referral.accepted.v1";
    static final String DECLINED = "fr.maillage.referral.declined.v1";
    static final String REDIRECTED = "fr.maillage.referral.redirected.v1";
    static final String FIRST_CONTACT_MADE = "fr.maillage.referral.first-contact-made.v1";
    static final String COMPLETED = "fr.maillage.referral.completed.v1";
    static final String CANCELLED = "fr.maillage.referral.cancelled.v1";
    static final String OVERDUE = "fr.maillage.referral.overdue.v1";

    private final EventOutbox outbox;

    ReferralMessages(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** Adds the integration events to the referral's outbox; they leave with the next save. */
    void stage(Referral referral, List<? extends ReferralEvent> events) {
        for (ReferralEvent event : events) {
            switch (event) {
                case ReferralEvent.ReferralSubmitted e ->
                    add(
                            referral,
                            SUBMITTED,
                            e.facts(),
                            new SubmittedV1(
                                    Common.of(e.referralId(), e.facts()),
                                    time(e.answerDueBy()),
                                    e.redirectedFrom(),
                                    time(e.submittedAt())));
                case ReferralEvent.ReferralAccepted e ->
                    add(
                            referral,
                            ACCEPTED,
                            e.facts(),
                            new AcceptedV1(Common.of(e.referralId(), e.facts()), time(e.acceptedAt())));
                case ReferralEvent.ReferralDeclined e ->
                    add(
                            referral,
                            DECLINED,
                            e.facts(),
                            new DeclinedV1(
                                    Common.of(e.referralId(), e.facts()),
                                    e.reason().name(),
                                    time(e.declinedAt())));
                case ReferralEvent.ReferralRedirected e ->
                    add(
                            referral,
                            REDIRECTED,
                            e.facts(),
                            new RedirectedV1(
                                    Common.of(e.referralId(), e.facts()),
                                    e.toReferralId(),
                                    e.toResourceId(),
                                    e.reason().name(),
                                    time(e.redirectedAt())));
                case ReferralEvent.FirstContactMade e ->
                    add(
                            referral,
                            FIRST_CONTACT_MADE,
                            e.facts(),
                            new FirstContactMadeV1(
                                    Common.of(e.referralId(), e.facts()),
                                    time(e.firstContactAt()),
                                    time(e.recordedAt())));
                case ReferralEvent.ReferralCompleted e ->
                    add(
                            referral,
                            COMPLETED,
                            e.facts(),
                            new CompletedV1(Common.of(e.referralId(), e.facts()), time(e.completedAt())));
                case ReferralEvent.ReferralCancelled e ->
                    add(
                            referral,
                            CANCELLED,
                            e.facts(),
                            new CancelledV1(Common.of(e.referralId(), e.facts()), time(e.cancelledAt())));
                case ReferralEvent.ReferralOverdue e ->
                    add(
                            referral,
                            OVERDUE,
                            e.facts(),
                            new OverdueV1(
                                    Common.of(e.referralId(), e.facts()), time(e.answerDueBy()), time(e.overdueAt())));
                // Enrolments and participation come from workshop-service, which already told the same audience:
                // nothing to re-publish.
                case ReferralEvent.ReferralEnrolled enrolled -> {}
                case ReferralEvent.ReferralWaitlisted waitlisted -> {}
                case ReferralEvent.ParticipationRecorded participation -> {}
            }
        }
    }

    private void add(Referral referral, String type, ReferralEvent.Facts facts, Object data) {
        referral.pendingEvents()
                .add(outbox.event(
                        type,
                        facts.referralId(),
                        facts.territory(),
                        audience(facts.referrerInstitution(), facts.resourceInstitution()),
                        data));
    }

    /** The referrer's institution and the receiving one (once when they are the same). */
    private static TreeSet<String> audience(String referrerInstitution, String resourceInstitution) {
        return new TreeSet<>(List.of(referrerInstitution, resourceInstitution));
    }

    private static String time(Instant instant) {
        return instant.toString();
    }

    /** What every referral event says: which referral, whose, to what, where, how urgent, from which institution. */
    record Common(
            String referralId,
            String personRef,
            String resourceId,
            String resourceType,
            String territory,
            String priority,
            String referrerInstitution) {

        static Common of(String referralId, ReferralEvent.Facts facts) {
            return new Common(
                    referralId,
                    facts.personRef(),
                    facts.resourceId(),
                    facts.resourceType().name(),
                    facts.territory(),
                    facts.priority().name(),
                    facts.referrerInstitution());
        }
    }

    /** {@code events/fr.maillage.referral.submitted.v1.json}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SubmittedV1(@JsonUnwrapped Common referral, String answerDueBy, String redirectedFrom, String submittedAt) {}

    /** {@code events/fr.maillage.referral.accepted.v1.json}. */
    record AcceptedV1(@JsonUnwrapped Common referral, String acceptedAt) {}

    /** {@code events/fr.maillage.referral.declined.v1.json}. */
    record DeclinedV1(@JsonUnwrapped Common referral, String reasonCode, String declinedAt) {}

    /** {@code events/fr.maillage.referral.redirected.v1.json}. */
    record RedirectedV1(
            @JsonUnwrapped Common referral,
            String toReferralId,
            String toResourceId,
            String reasonCode,
            String redirectedAt) {}

    /** {@code events/fr.maillage.referral.first-contact-made.v1.json}. */
    record FirstContactMadeV1(@JsonUnwrapped Common referral, String firstContactAt, String recordedAt) {}

    /** {@code events/fr.maillage.referral.completed.v1.json}. */
    record CompletedV1(@JsonUnwrapped Common referral, String completedAt) {}

    /** {@code events/fr.maillage.referral.cancelled.v1.json}. */
    record CancelledV1(@JsonUnwrapped Common referral, String cancelledAt) {}

    /** {@code events/fr.maillage.referral.overdue.v1.json}. */
    record OverdueV1(@JsonUnwrapped Common referral, String answerDueBy, String overdueAt) {}
}
