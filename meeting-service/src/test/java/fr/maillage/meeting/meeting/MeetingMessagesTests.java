package fr.maillage.meeting.meeting;

import static fr.maillage.meeting.meeting.TestMeetings.NOW;
import static fr.maillage.meeting.meeting.TestMeetings.START;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.meeting.meeting.MeetingEvent.CaseReviewed;
import fr.maillage.meeting.meeting.MeetingEvent.MeetingCancelled;
import fr.maillage.meeting.meeting.MeetingEvent.MeetingHeld;
import fr.maillage.meeting.meeting.MeetingEvent.MeetingScheduled;
import fr.maillage.platform.events.EventOutbox;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.testing.EventSchemas;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every event a meeting publishes keeps its schema, nulls included, and says nothing but ids, codes and counts. */
class MeetingMessagesTests {

    private final MeetingMessages messages = new MeetingMessages(EventOutbox.standalone());

    private OutboundEvent published(Meeting meeting, MeetingEvent event) {
        messages.append(meeting, event);
        return meeting.pendingEvents().getLast();
    }

    @Test
    void eachEventMatchesItsSchemaAndGoesToTheParticipantsInstitutions() {
        Meeting meeting = TestMeetings.meeting(MeetingKind.CASE_CONFERENCE);
        String id = meeting.id();
        String series = UUID.randomUUID().toString();
        List<OutboundEvent> events = List.of(
                published(
                        meeting,
                        new MeetingScheduled(id, null, MeetingKind.CASE_CONFERENCE, "bievre", START, START, 4)),
                published(
                        meeting, new MeetingScheduled(id, series, MeetingKind.SUPERVISION, "bievre", START, START, 1)),
                published(meeting, new MeetingCancelled(id, MeetingKind.CASE_CONFERENCE, "bievre", START, NOW)),
                published(meeting, new MeetingHeld(id, MeetingKind.CASE_CONFERENCE, "bievre", START, 3, 3)),
                published(meeting, new CaseReviewed(id, UUID.randomUUID().toString(), "bievre", "person-1", 2, NOW)),
                published(meeting, new CaseReviewed(id, UUID.randomUUID().toString(), "bievre", null, 1, NOW)));

        assertThat(events).allSatisfy(event -> {
            EventSchemas.assertValid(event.type(), event.data());
            assertThat(event.subject()).isEqualTo(id);
            assertThat(event.territory()).isEqualTo("bievre");
            assertThat(event.audience()).containsExactly("cmp-bievre", "lieu-dit", "msp-bievre");
            assertThat(event.data().toString()).doesNotContain("Groupe du mois", "Salle des Tilleuls");
        });
        assertThat(events)
                .extracting(OutboundEvent::type)
                .containsExactly(
                        MeetingMessages.SCHEDULED,
                        MeetingMessages.SCHEDULED,
                        MeetingMessages.CANCELLED,
                        MeetingMessages.HELD,
                        MeetingMessages.CASE_REVIEWED,
                        MeetingMessages.CASE_REVIEWED);
    }

    @Test
    void aSchemaRefusesWhatTheContractDoesNotCarry() {
        assertThat(EventSchemas.violations(
                        MeetingMessages.HELD,
                        "{\"meetingId\":\"" + UUID.randomUUID()
                                + "\",\"kind\":\"PRACTICE_GROUP\",\"territory\":\"bievre\","
                                + "\"heldAt\":\"2026-12-08T17:30:00Z\",\"attendees\":3,\"professions\":3,"
                                + "\"present\":[\"dr-martin\"]}"))
                .isNotEmpty();
    }
}
