package fr.maillage.referral.person;

import fr.maillage.platform.events.IncomingEvent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns care teams from workshop-service: the facilitators of a group join the care team of every person
 * confirmed in it. {@code enrolment-confirmed.v1} does not name the facilitators, so {@code
 * group-opened.v1} is projected into {@code workshop_groups} first (same key, so in order; but either
 * order works). Idempotent: upserts, and a member joins a team once.
 */
@Component
class CareTeamEventsListener {

    static final String GROUP_OPENED = "fr.maillage.workshop.group-opened.v1";
    static final String ENROLMENT_CONFIRMED = "fr.maillage.workshop.enrolment-confirmed.v1";

    private static final Logger log = LoggerFactory.getLogger(CareTeamEventsListener.class);

    private final WorkshopGroupStore groups;
    private final CareTeams careTeams;

    CareTeamEventsListener(WorkshopGroupStore groups, CareTeams careTeams) {
        this.groups = groups;
        this.careTeams = careTeams;
    }

    @KafkaListener(topics = "${maillage.referral.workshop-events-topic}", groupId = "referral-service-care-team")
    void on(IncomingEvent event) {
        Instant at = event.time() != null ? event.time() : Instant.now();
        if (event.is(GROUP_OPENED)) {
            GroupOpened opened = event.data(GroupOpened.class);
            // group-opened.v1's audience is the programme's institution, the facilitators' employer here.
            String institution =
                    event.audience().size() == 1 ? event.audience().iterator().next() : null;
            WorkshopGroup group =
                    groups.opened(opened.groupId(), opened.territory(), institution, opened.facilitatorIds());
            group.participants().forEach(participant -> join(group, participant, at));
        } else if (event.is(ENROLMENT_CONFIRMED)) {
            EnrolmentConfirmed confirmed = event.data(EnrolmentConfirmed.class);
            WorkshopGroup group = groups.confirmed(confirmed.groupId(), confirmed.personRef(), confirmed.territory());
            join(group, new WorkshopGroup.Participant(confirmed.personRef(), confirmed.territory()), at);
        }
        // Other workshop events say nothing about who is involved with a person.
    }

    private void join(WorkshopGroup group, WorkshopGroup.Participant participant, Instant at) {
        for (CareTeamMember facilitator : group.facilitators()) {
            if (!careTeams.addIfKnown(participant.personRef(), facilitator, participant.territory(), at)) {
                // Not a person of this registry (an enrolment made outside a referral): no team to join.
                log.info("Person {} of group {} is not in the registry", participant.personRef(), group.groupId());
                return;
            }
        }
    }

    /** The fields of {@code fr.maillage.workshop.group-opened.v1} this consumer reads. */
    record GroupOpened(
            @NotBlank String groupId,
            @NotBlank String territory,
            @NotEmpty List<@NotBlank String> facilitatorIds) {}

    /** The fields of {@code fr.maillage.workshop.enrolment-confirmed.v1} this consumer reads. */
    record EnrolmentConfirmed(
            @NotBlank String groupId,
            @NotBlank String personRef,
            @NotBlank String territory) {}
}
