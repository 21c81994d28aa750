package fr.maillage.alert.alert;

import fr.maillage.platform.events.IncomingEvent;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A participant who stopped coming to a workshop group gets a follow-up alert for the coordinator
 * (once per group, person and episode: redeliveries and replays find it raised). Other workshop
 * events are none of our business. A disengagement that does not bind goes to the dead-letter topic.
 */
@Component
class WorkshopEventsListener {

    static final String PARTICIPANT_DISENGAGED = "fr.maillage.workshop.participant-disengaged.v1";

    private final AlertService alerts;

    WorkshopEventsListener(AlertService alerts) {
        this.alerts = alerts;
    }

    @KafkaListener(topics = "workshop.events.v1", groupId = "alert-service")
    void on(IncomingEvent event) {
        if (event.is(PARTICIPANT_DISENGAGED)) {
            ParticipantDisengaged disengaged = event.data(ParticipantDisengaged.class);
            alerts.raiseDisengagementFollowUp(
                    disengaged.groupId(),
                    disengaged.personRef(),
                    disengaged.territory(),
                    disengaged.episode(),
                    disengaged.consecutiveAbsences());
        }
    }

    /** What we read of {@code fr.maillage.workshop.participant-disengaged.v1}. */
    record ParticipantDisengaged(
            @NotBlank String groupId,

            @NotBlank @Pattern(regexp = AlertController.UUID)
            String personRef,

            @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$")
            String territory,

            @NotNull @Min(1) Integer episode,
            String enrolmentId,
            @Min(0) Integer consecutiveAbsences,
            Instant disengagedAt) {}
}
