package fr.maillage.alert.alert;

import fr.maillage.alert.alert.AlertEvent.AlertAssigned;
import fr.maillage.alert.alert.AlertEvent.AlertClosed;
import fr.maillage.alert.alert.AlertEvent.AlertEscalated;
import fr.maillage.alert.alert.AlertEvent.AlertQualified;
import fr.maillage.alert.alert.AlertEvent.AlertRaised;
import fr.maillage.alert.alert.AlertEvent.AlertResponded;
import fr.maillage.alert.alert.AlertEvent.FeedbackSent;
import fr.maillage.platform.events.EventOutbox;
import fr.maillage.platform.events.OutboundEvent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The published contract of alerts on {@code alert.events.v1} (schemas in {@code resources/events/}).
 * Pseudonymous by construction: ids, codes, a {@code personRef} and instants; never the situation, the
 * emitter's name, organisation or contact, the subject's description or the risk factors. Audience:
 * the institution that raised the alert and the one of the team in charge.
 */
@Component
class AlertMessages {

    static final String RAISED = "fr.maillage.alert.raised.v1";
    static final String QUALIFIED = "fr.maillage.alert.qualified.v1";
    static final String ASSIGNED = "fr.maillage.alert.assigned.v1";
    static final String ESCALATED = "fr.maillage.alert.escalated.v1";
    static final String RESPONDED = "fr.maillage.alert.responded.v1";
    static final String FEEDBACK_SENT = "fr.maillage.alert.feedback-sent.v1";
    static final String CLOSED = "fr.maillage.alert.closed.v1";

    private final EventOutbox outbox;

    AlertMessages(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** Adds the integration events to the alert's outbox; they leave with the next save. */
    void stage(Alert alert, List<? extends AlertEvent> events) {
        Set<String> audience = audience(alert);
        for (AlertEvent event : events) {
            alert.pendingEvents().add(message(event, alert.territory(), audience));
        }
    }

    private OutboundEvent message(AlertEvent event, String territory, Set<String> audience) {
        return switch (event) {
            case AlertRaised raised ->
                outbox.event(
                        RAISED,
                        raised.alertId(),
                        territory,
                        audience,
                        new RaisedV1(
                                raised.alertId(),
                                raised.territory(),
                                raised.channel().name(),
                                raised.emitterKind().name(),
                                raised.emitterInstitution(),
                                raised.personRef(),
                                raised.suggestedUrgency().name(),
                                text(raised.raisedAt()),
                                text(raised.dueBy()),
                                raised.possibleDuplicate()));
            case AlertQualified qualified ->
                outbox.event(
                        QUALIFIED,
                        qualified.alertId(),
                        territory,
                        audience,
                        new QualifiedV1(
                                qualified.alertId(),
                                qualified.territory(),
                                qualified.personRef(),
                                qualified.urgency().name(),
                                qualified.suggestedUrgency().name(),
                                qualified.overridden(),
                                qualified.responseLevel().name(),
                                text(qualified.raisedAt()),
                                text(qualified.qualifiedAt()),
                                text(qualified.dueBy())));
            case AlertAssigned assigned ->
                outbox.event(
                        ASSIGNED,
                        assigned.alertId(),
                        territory,
                        audience,
                        new AssignedV1(
                                assigned.alertId(),
                                assigned.territory(),
                                assigned.teamId(),
                                assigned.teamInstitution(),
                                assigned.proposed(),
                                text(assigned.assignedAt())));
            case AlertEscalated escalated ->
                outbox.event(
                        ESCALATED,
                        escalated.alertId(),
                        territory,
                        audience,
                        new EscalatedV1(
                                escalated.alertId(),
                                escalated.territory(),
                                escalated.personRef(),
                                escalated.level(),
                                escalated.urgency().name(),
                                text(escalated.dueBy()),
                                text(escalated.escalatedAt())));
            case AlertResponded responded ->
                outbox.event(
                        RESPONDED,
                        responded.alertId(),
                        territory,
                        audience,
                        new RespondedV1(
                                responded.alertId(),
                                responded.territory(),
                                responded.personRef(),
                                responded.urgency().name(),
                                responded.actions().stream().map(Enum::name).toList(),
                                responded.referralId(),
                                text(responded.raisedAt()),
                                text(responded.dueBy()),
                                text(responded.respondedAt()),
                                responded.withinTarget()));
            case FeedbackSent sent ->
                outbox.event(
                        FEEDBACK_SENT,
                        sent.alertId(),
                        territory,
                        audience,
                        new FeedbackSentV1(
                                sent.alertId(), sent.territory(), sent.channel().name(), text(sent.sentAt())));
            case AlertClosed closed ->
                outbox.event(
                        CLOSED,
                        closed.alertId(),
                        territory,
                        audience,
                        new ClosedV1(
                                closed.alertId(),
                                closed.territory(),
                                closed.urgency().name(),
                                closed.outcome().name(),
                                closed.feedbackGiven(),
                                closed.feedbackWaived(),
                                text(closed.raisedAt()),
                                text(closed.closedAt())));
        };
    }

    /** The institution that raised the alert (none for the platform's own) and the one of the team in charge. */
    static Set<String> audience(Alert alert) {
        Set<String> audience = new TreeSet<>();
        if (alert.emitter() != null && alert.emitter().institution() != null) {
            audience.add(alert.emitter().institution());
        }
        if (alert.assignment() != null && alert.assignment().institution() != null) {
            audience.add(alert.assignment().institution());
        }
        return audience;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** {@code events/fr.maillage.alert.raised.v1.json}. */
    record RaisedV1(
            String alertId,
            String territory,
            String channel,
            String emitterKind,
            String emitterInstitution,
            String personRef,
            String suggestedUrgency,
            String raisedAt,
            String dueBy,
            boolean possibleDuplicate) {}

    /** {@code events/fr.maillage.alert.qualified.v1.json}. */
    record QualifiedV1(
            String alertId,
            String territory,
            String personRef,
            String urgency,
            String suggestedUrgency,
            boolean overridden,
            String responseLevel,
            String raisedAt,
            String qualifiedAt,
            String dueBy) {}

    /** {@code events/fr.maillage.alert.assigned.v1.json}. */
    record AssignedV1(
            String alertId,
            String territory,
            String teamId,
            String teamInstitution,
            boolean proposed,
            String assignedAt) {}

    /** {@code events/fr.maillage.alert.escalated.v1.json}. */
    record EscalatedV1(
            String alertId,
            String territory,
            String personRef,
            int level,
            String urgency,
            String dueBy,
            String escalatedAt) {}

    /** {@code events/fr.maillage.alert.responded.v1.json}. */
    record RespondedV1(
            String alertId,
            String territory,
            String personRef,
            String urgency,
            List<String> actions,
            String referralId,
            String raisedAt,
            String dueBy,
            String respondedAt,
            boolean withinTarget) {}

    /** {@code events/fr.maillage.alert.feedback-sent.v1.json}. */
    record FeedbackSentV1(String alertId, String territory, String channel, String sentAt) {}

    /** {@code events/fr.maillage.alert.closed.v1.json}. */
    record ClosedV1(
            String alertId,
            String territory,
            String urgency,
            String outcome,
            boolean feedbackGiven,
            boolean feedbackWaived,
            String raisedAt,
            String closedAt) {}
}
