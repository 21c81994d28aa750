package fr.maillage.evaluation.questionnaire;

import fr.maillage.platform.events.IncomingEvent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The one consumer of workshop-service's topic in the questionnaires' group: groups' facilitators and
 * people's enrolments feed the care teams; a confirmed enrolment and a completed participant schedule the
 * questionnaires due. Other workshop events are none of our business. Every path is idempotent ({@code
 * $addToSet}, deterministic due ids); data that does not bind goes to the dead-letter topic.
 */
@Component
class WorkshopEventsListener {

    static final String GROUP_SCHEDULED = "fr.maillage.workshop.group-scheduled.v1";
    static final String GROUP_OPENED = "fr.maillage.workshop.group-opened.v1";
    static final String ENROLMENT_CONFIRMED = "fr.maillage.workshop.enrolment-confirmed.v1";
    static final String ENROLMENT_WAITLISTED = "fr.maillage.workshop.enrolment-waitlisted.v1";
    static final String PARTICIPANT_COMPLETED = "fr.maillage.workshop.participant-completed.v1";

    private final CareTeamService careTeams;
    private final DueService dues;

    WorkshopEventsListener(CareTeamService careTeams, DueService dues) {
        this.careTeams = careTeams;
        this.dues = dues;
    }

    @KafkaListener(
            topics = "${maillage.evaluation.questionnaires.workshop-events-topic:workshop.events.v1}",
            groupId = "${maillage.evaluation.questionnaires.consumer-group:evaluation-questionnaires}")
    void on(IncomingEvent event) {
        if (event.is(GROUP_SCHEDULED) || event.is(GROUP_OPENED)) {
            GroupFacilitated group = event.data(GroupFacilitated.class);
            careTeams.facilitators(group.groupId(), group.facilitatorIds());
        } else if (event.is(ENROLMENT_CONFIRMED)) {
            EnrolmentConfirmed confirmed = event.data(EnrolmentConfirmed.class);
            careTeams.enrolled(confirmed.personRef(), confirmed.groupId());
            dues.enrolmentConfirmed(
                    confirmed.personRef(),
                    confirmed.enrolmentId(),
                    confirmed.groupId(),
                    confirmed.territory(),
                    confirmed.confirmedAt(),
                    event.audience());
        } else if (event.is(ENROLMENT_WAITLISTED)) {
            EnrolmentWaitlisted waitlisted = event.data(EnrolmentWaitlisted.class);
            careTeams.enrolled(waitlisted.personRef(), waitlisted.groupId());
        } else if (event.is(PARTICIPANT_COMPLETED)) {
            ParticipantCompleted completed = event.data(ParticipantCompleted.class);
            // Null once the person was erased upstream: nobody to ask.
            if (completed.personRef() != null) {
                careTeams.enrolled(completed.personRef(), completed.groupId());
                dues.participantCompleted(
                        completed.personRef(),
                        completed.enrolmentId(),
                        completed.groupId(),
                        completed.territory(),
                        completed.completedAt(),
                        event.audience());
            }
        }
    }

    /** What we read of {@code group-scheduled.v1} and {@code group-opened.v1}. */
    record GroupFacilitated(
            @NotBlank @Pattern(regexp = IncomingFormats.UUID)
            String groupId,

            @NotNull @Size(max = 10) List<@NotBlank @Size(max = 128) String> facilitatorIds) {}

    /** What we read of {@code enrolment-confirmed.v1}. */
    record EnrolmentConfirmed(
            @NotBlank @Pattern(regexp = IncomingFormats.UUID)
            String enrolmentId,

            @NotBlank @Pattern(regexp = IncomingFormats.UUID)
            String groupId,

            @NotBlank @Pattern(regexp = IncomingFormats.UUID)
            String personRef,

            @NotBlank @Pattern(regexp = IncomingFormats.CODE)
            String territory,

            @NotNull Instant confirmedAt) {}

    /** What we read of {@code enrolment-waitlisted.v1}. */
    record EnrolmentWaitlisted(
            @NotBlank @Pattern(regexp = IncomingFormats.UUID)
            String groupId,

            @NotBlank @Pattern(regexp = IncomingFormats.UUID)
            String personRef) {}

    /** What we read of {@code participant-completed.v1} (personRef null once the person was erased). */
    record ParticipantCompleted(
            @NotBlank @Pattern(regexp = IncomingFormats.UUID)
            String enrolmentId,

            @NotBlank @Pattern(regexp = IncomingFormats.UUID)
            String groupId,

            @Pattern(regexp = IncomingFormats.UUID) String personRef,

            @NotBlank @Pattern(regexp = IncomingFormats.CODE)
            String territory,

            @NotNull Instant completedAt) {}
}
