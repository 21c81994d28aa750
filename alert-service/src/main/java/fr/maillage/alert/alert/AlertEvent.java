package fr.maillage.alert.alert;

import java.time.Instant;
import java.util.List;

/**
 * What happens to an alert. {@code AlertMessages} turns each into its integration event of {@code
 * alert.events.v1}; none carries a situation, an emitter's identity, a subject description or risk
 * factors.
 */
public sealed interface AlertEvent {

    String alertId();

    record AlertRaised(
            String alertId,
            String territory,
            Channel channel,
            EmitterKind emitterKind,
            String emitterInstitution,
            String personRef,
            Urgency suggestedUrgency,
            Instant raisedAt,
            Instant dueBy,
            boolean possibleDuplicate)
            implements AlertEvent {}

    record AlertQualified(
            String alertId,
            String territory,
            String personRef,
            Urgency urgency,
            Urgency suggestedUrgency,
            ResponseLevel responseLevel,
            Instant raisedAt,
            Instant qualifiedAt,
            Instant dueBy)
            implements AlertEvent {

        public boolean overridden() {
            return urgency != suggestedUrgency;
        }
    }

    /** A team proposed by routing ({@code proposed}) or confirmed/chosen by a coordinator. */
    record AlertAssigned(
            String alertId,
            String territory,
            String teamId,
            String teamInstitution,
            boolean proposed,
            Instant assignedAt)
            implements AlertEvent {}

    /** The due time passed with no response: level 1 at {@code dueBy}, level 2 some time later. */
    record AlertEscalated(
            String alertId,
            String territory,
            String personRef,
            int level,
            Urgency urgency,
            Instant dueBy,
            Instant escalatedAt)
            implements AlertEvent {}

    record AlertResponded(
            String alertId,
            String territory,
            String personRef,
            Urgency urgency,
            List<ResponseAction> actions,
            String referralId,
            Instant raisedAt,
            Instant dueBy,
            Instant respondedAt)
            implements AlertEvent {

        public boolean withinTarget() {
            return !respondedAt.isAfter(dueBy);
        }
    }

    record FeedbackSent(String alertId, String territory, FeedbackChannel channel, Instant sentAt)
            implements AlertEvent {}

    record AlertClosed(
            String alertId,
            String territory,
            Urgency urgency,
            Outcome outcome,
            boolean feedbackGiven,
            boolean feedbackWaived,
            Instant raisedAt,
            Instant closedAt)
            implements AlertEvent {}
}
