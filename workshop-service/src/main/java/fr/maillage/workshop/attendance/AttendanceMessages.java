package fr.maillage.workshop.attendance;

import fr.maillage.platform.events.EventOutbox;
import fr.maillage.workshop.attendance.AttendanceEvent.ParticipantDisengaged;
import fr.maillage.workshop.attendance.AttendanceEvent.SessionHeld;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Maps attendance events to the integration events of {@code workshop.events.v1} (schemas in
 * {@code resources/events/}) and puts them in the group attendance's outbox. A session is told in
 * counts only; a disengagement names the person by {@code personRef}, nothing more.
 */
@Component
class AttendanceMessages {

    static final String SESSION_HELD = "fr.maillage.workshop.session-held.v1";
    static final String PARTICIPANT_DISENGAGED = "fr.maillage.workshop.participant-disengaged.v1";

    private final EventOutbox outbox;

    AttendanceMessages(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** Adds the integration event for {@code event} to the outbox, saved with the attendance. */
    void append(GroupAttendance attendance, AttendanceEvent event) {
        attendance
                .pendingEvents()
                .add(
                        switch (event) {
                            case SessionHeld held ->
                                outbox.event(
                                        SESSION_HELD,
                                        held.groupId(),
                                        held.territory(),
                                        Set.of(held.programmeInstitution()),
                                        new SessionHeldV1(
                                                held.groupId(),
                                                held.programmeId(),
                                                held.territory(),
                                                held.sessionNumber(),
                                                held.kind().name(),
                                                held.startsAt().toString(),
                                                held.enrolled(),
                                                held.present(),
                                                held.excused(),
                                                held.absent(),
                                                held.revision(),
                                                held.recordedAt().toString()));
                            case ParticipantDisengaged disengaged ->
                                outbox.event(
                                        PARTICIPANT_DISENGAGED,
                                        disengaged.groupId(),
                                        disengaged.territory(),
                                        audience(disengaged.programmeInstitution(), disengaged.referrerInstitution()),
                                        new ParticipantDisengagedV1(
                                                disengaged.groupId(),
                                                disengaged.programmeId(),
                                                disengaged.territory(),
                                                disengaged.enrolmentId(),
                                                disengaged.referralId(),
                                                disengaged.personRef(),
                                                disengaged.episode(),
                                                disengaged.consecutiveAbsences(),
                                                disengaged.disengagedAt().toString()));
                        });
    }

    // A person enrolled by a coordinator has no referrer; a referrer of the programme's own institution is named once.
    private static Set<String> audience(String programmeInstitution, String referrerInstitution) {
        Set<String> audience = new LinkedHashSet<>();
        audience.add(programmeInstitution);
        if (referrerInstitution != null) {
            audience.add(referrerInstitution);
        }
        return audience;
    }

    /** {@code fr.maillage.workshop.session-held.v1} data: counts only; instants as ISO-8601 UTC strings. */
    record SessionHeldV1(
            String groupId,
            String programmeId,
            String territory,
            int sessionNumber,
            String kind,
            String startsAt,
            int enrolled,
            int present,
            int excused,
            int absent,
            int revision,
            String recordedAt) {}

    /**
     * {@code fr.maillage.workshop.participant-disengaged.v1} data (alert-service reads groupId,
     * personRef, territory, episode, enrolmentId, consecutiveAbsences, disengagedAt; referral-service
     * reads referralId, null when a coordinator enrolled the person).
     */
    record ParticipantDisengagedV1(
            String groupId,
            String programmeId,
            String territory,
            String enrolmentId,
            String referralId,
            String personRef,
            int episode,
            int consecutiveAbsences,
            String disengagedAt) {}
}
