package fr.maillage.meeting.proposal;

import fr.maillage.platform.events.IncomingEvent;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The one consumer of workshop-service's topic in group {@code meeting-service}: a participant who stopped
 * coming becomes a proposed case review, once per group, person and disengagement episode (a participant
 * who came back and left again is a new episode). Other workshop events are none of our business.
 */
@Component
class WorkshopEventsListener {

    static final String PARTICIPANT_DISENGAGED = "fr.maillage.workshop.participant-disengaged.v1";

    private final ProposalService proposals;

    WorkshopEventsListener(ProposalService proposals) {
        this.proposals = proposals;
    }

    @KafkaListener(
            topics = "${maillage.meeting.workshop-events-topic:workshop.events.v1}",
            groupId = "${maillage.meeting.consumer-group:meeting-service}")
    void on(IncomingEvent event) {
        if (event.is(PARTICIPANT_DISENGAGED)) {
            ParticipantDisengaged disengaged = event.data(ParticipantDisengaged.class);
            proposals.participantDisengaged(
                    disengaged.groupId(), disengaged.personRef(), disengaged.episode(), disengaged.territory());
        }
    }

    /** What we read of {@code fr.maillage.workshop.participant-disengaged.v1}. */
    record ParticipantDisengaged(
            @NotBlank @Pattern(regexp = IncomingFormats.UUID)
            String groupId,

            @NotBlank @Pattern(regexp = IncomingFormats.UUID)
            String personRef,

            @NotBlank @Pattern(regexp = IncomingFormats.TERRITORY)
            String territory,

            @NotNull @Min(1) Integer episode,
            Instant disengagedAt) {}
}
