package fr.maillage.meeting.proposal;

import fr.maillage.platform.events.IncomingEvent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The one consumer of alert-service's topic in group {@code meeting-service}: an escalated alert (level 1,
 * then maybe level 2) becomes one proposed case review for the territory's next practice group. Other
 * alert events are none of our business. Idempotent by the proposal's cause key.
 */
@Component
class AlertEventsListener {

    static final String ESCALATED = "fr.maillage.alert.escalated.v1";

    private final ProposalService proposals;

    AlertEventsListener(ProposalService proposals) {
        this.proposals = proposals;
    }

    @KafkaListener(
            topics = "${maillage.meeting.alert-events-topic:alert.events.v1}",
            groupId = "${maillage.meeting.consumer-group:meeting-service}")
    void on(IncomingEvent event) {
        if (event.is(ESCALATED)) {
            AlertEscalated escalated = event.data(AlertEscalated.class);
            proposals.alertEscalated(escalated.alertId(), escalated.territory(), escalated.personRef());
        }
    }

    /** What we read of {@code fr.maillage.alert.escalated.v1} ({@code personRef} is null while the person is unknown). */
    record AlertEscalated(
            @NotBlank @Pattern(regexp = IncomingFormats.UUID)
            String alertId,

            @NotBlank @Pattern(regexp = IncomingFormats.TERRITORY)
            String territory,

            @Pattern(regexp = IncomingFormats.UUID) String personRef,
            @NotNull @Min(1) @Max(2) Integer level,
            Instant escalatedAt) {}
}
