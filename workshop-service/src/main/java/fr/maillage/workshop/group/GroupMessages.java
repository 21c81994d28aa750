package fr.maillage.workshop.group;

import fr.maillage.platform.events.EventOutbox;
import fr.maillage.workshop.group.GroupEvent.EnrolmentConfirmed;
import fr.maillage.workshop.group.GroupEvent.EnrolmentWaitlisted;
import fr.maillage.workshop.group.GroupEvent.GroupOpened;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Maps a group's domain events to the integration events of {@code workshop.events.v1} (the
 * published contract, schemas in {@code resources/events/}) and puts them in the group's outbox.
 * Only pseudonymous data leaves: ids, {@code personRef}, territory, counts, instants.
 */
@Component
class GroupMessages {

    static final String GROUP_OPENED = "fr.maillage.workshop.group-opened.v1";
    static final String ENROLMENT_CONFIRMED = "fr.maillage.workshop.enrolment-confirmed.v1";
    static final String ENROLMENT_WAITLISTED = "fr.maillage.workshop.enrolment-waitlisted.v1";

    private final EventOutbox outbox;

    GroupMessages(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** Adds the integration event for {@code event} to the group's outbox, saved with the group. */
    void append(Group group, GroupEvent event) {
        group.pendingEvents()
                .add(
                        switch (event) {
                            case GroupOpened opened ->
                                outbox.event(
                                        GROUP_OPENED,
                                        opened.groupId(),
                                        opened.territory(),
                                        Set.of(opened.programmeInstitution()),
                                        new GroupOpenedV1(
                                                opened.groupId(),
                                                opened.programmeId(),
                                                opened.territory(),
                                                opened.capacity(),
                                                opened.facilitatorIds()));
                            case EnrolmentConfirmed confirmed ->
                                outbox.event(
                                        ENROLMENT_CONFIRMED,
                                        confirmed.groupId(),
                                        confirmed.territory(),
                                        audience(confirmed.referrerInstitution(), confirmed.programmeInstitution()),
                                        new EnrolmentConfirmedV1(
                                                confirmed.enrolmentId(),
                                                confirmed.groupId(),
                                                confirmed.programmeId(),
                                                confirmed.referralId(),
                                                confirmed.personRef(),
                                                confirmed.territory(),
                                                confirmed.confirmedAt().toString()));
                            case EnrolmentWaitlisted waitlisted ->
                                outbox.event(
                                        ENROLMENT_WAITLISTED,
                                        waitlisted.groupId(),
                                        waitlisted.territory(),
                                        audience(waitlisted.referrerInstitution(), waitlisted.programmeInstitution()),
                                        new EnrolmentWaitlistedV1(
                                                waitlisted.enrolmentId(),
                                                waitlisted.groupId(),
                                                waitlisted.programmeId(),
                                                waitlisted.referralId(),
                                                waitlisted.personRef(),
                                                waitlisted.territory(),
                                                waitlisted.position(),
                                                waitlisted.waitlistedAt().toString()));
                        });
    }

    // The referrer may belong to the programme's own institution: one audience entry then.
    private static Set<String> audience(String referrerInstitution, String programmeInstitution) {
        Set<String> audience = new LinkedHashSet<>();
        audience.add(referrerInstitution);
        audience.add(programmeInstitution);
        return audience;
    }

    /** {@code fr.maillage.workshop.group-opened.v1} data. */
    record GroupOpenedV1(
            String groupId, String programmeId, String territory, int capacity, List<String> facilitatorIds) {}

    /** {@code fr.maillage.workshop.enrolment-confirmed.v1} data; instants as ISO-8601 UTC strings. */
    record EnrolmentConfirmedV1(
            String enrolmentId,
            String groupId,
            String programmeId,
            String referralId,
            String personRef,
            String territory,
            String confirmedAt) {}

    /** {@code fr.maillage.workshop.enrolment-waitlisted.v1} data. */
    record EnrolmentWaitlistedV1(
            String enrolmentId,
            String groupId,
            String programmeId,
            String referralId,
            String personRef,
            String territory,
            int position,
            String waitlistedAt) {}
}
