package fr.maillage.workshop.group;

import static fr.maillage.workshop.group.TestGroups.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.events.EventOutbox;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.testing.EventSchemas;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class GroupMessagesTests {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00.123Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GroupMessages messages = new GroupMessages(EventOutbox.standalone());

    private final String groupId = UUID.randomUUID().toString();

    private Group openGroup(int capacity, int minParticipants) {
        Group.Scheduled scheduled = TestGroups.scheduled(groupId, capacity, minParticipants, true);
        messages.append(scheduled.group(), scheduled.events());
        return scheduled.group();
    }

    private static Candidate candidate(String referralId, String referrerInstitution) {
        return new Candidate(referralId, UUID.randomUUID().toString(), Priority.ROUTINE, referrerInstitution, AT);
    }

    private void enrol(Group group, Candidate candidate) {
        group.enrol(candidate, UUID.randomUUID().toString(), AT).ifPresent(event -> messages.append(group, event));
    }

    @Test
    void everyEventOfAGroupMatchesItsPublishedSchema() {
        Group cancelled = openGroup(1, 1);
        enrol(cancelled, candidate("r1", "msp-bievre"));
        enrol(cancelled, candidate("r2", "epsm-bievre"));
        enrol(cancelled, new Candidate(null, UUID.randomUUID().toString(), Priority.URGENT, null, AT));
        String first = cancelled.enrolmentOf("r1").orElseThrow().id();
        messages.append(cancelled, cancelled.withdraw(first, "moved-away", AT));
        messages.append(cancelled, cancelled.cancel("facilitator-unavailable", AT));
        Group completed = openGroup(2, 1);
        enrol(completed, candidate("r3", "msp-bievre"));
        enrol(completed, candidate("r4", "msp-bievre"));
        completed.anonymise(completed.enrolmentOf("r4").orElseThrow().personRef());
        completed.start(completed.startsAt());
        Map<String, Integer> attended = Map.of(
                completed.enrolmentOf("r3").orElseThrow().id(), 4,
                completed.enrolmentOf("r4").orElseThrow().id(), 4);
        messages.append(completed, completed.complete(attended, new CompletionPolicy(0.75), completed.endsAt()));

        List<OutboundEvent> published = new java.util.ArrayList<>(cancelled.pendingEvents());
        published.addAll(completed.pendingEvents());
        assertThat(cancelled.pendingEvents())
                .extracting(OutboundEvent::type)
                .containsExactly(
                        "fr.maillage.workshop.group-scheduled.v1",
                        "fr.maillage.workshop.group-opened.v1",
                        "fr.maillage.workshop.enrolment-confirmed.v1",
                        "fr.maillage.workshop.enrolment-waitlisted.v1",
                        "fr.maillage.workshop.enrolment-waitlisted.v1",
                        "fr.maillage.workshop.participant-withdrew.v1",
                        "fr.maillage.workshop.enrolment-confirmed.v1",
                        "fr.maillage.workshop.group-cancelled.v1");
        assertThat(completed.pendingEvents())
                .extracting(OutboundEvent::type)
                .endsWith(
                        "fr.maillage.workshop.participant-completed.v1",
                        "fr.maillage.workshop.participant-completed.v1",
                        "fr.maillage.workshop.group-completed.v1");
        for (OutboundEvent event : published) {
            EventSchemas.assertValid(event.type(), JSON.writeValueAsString(event.data()));
            assertThat(event.subject()).isEqualTo(groupId);
            assertThat(event.territory()).isEqualTo("bievre");
        }
    }

    @Test
    void enrolmentEventsGoToTheReferrerAndTheProgrammeInstitution() {
        Group group = openGroup(1, 1);
        enrol(group, candidate("r1", "msp-bievre"));

        assertThat(group.pendingEvents().get(0).audience()).containsExactly("lieu-dit");
        assertThat(group.pendingEvents().get(1).audience()).containsExactly("lieu-dit");
        OutboundEvent confirmed = group.pendingEvents().get(2);
        assertThat(confirmed.audience()).containsExactlyInAnyOrder("lieu-dit", "msp-bievre");
        assertThat(confirmed.data())
                .containsEntry("referralId", "r1")
                .containsEntry("confirmedAt", "2026-11-23T10:00:00.123Z")
                .containsEntry("promotedFromWaitlist", false);
    }

    @Test
    void aPromotionSaysSoToTheReferrerOfThePromoted() {
        Group group = openGroup(1, 1);
        enrol(group, candidate("r1", "msp-bievre"));
        enrol(group, candidate("r2", "epsm-bievre"));
        group.pendingEvents().clear();

        messages.append(
                group, group.withdraw(group.enrolmentOf("r1").orElseThrow().id(), "moved-away", AT));

        OutboundEvent withdrew = group.pendingEvents().get(0);
        assertThat(withdrew.audience()).containsExactlyInAnyOrder("lieu-dit", "msp-bievre");
        assertThat(withdrew.data()).containsEntry("reason", "moved-away").containsEntry("referralId", "r1");
        OutboundEvent promoted = group.pendingEvents().get(1);
        assertThat(promoted.audience()).containsExactlyInAnyOrder("lieu-dit", "epsm-bievre");
        assertThat(promoted.data()).containsEntry("referralId", "r2").containsEntry("promotedFromWaitlist", true);
    }

    @Test
    void aCancellationTellsEveryReferrerAndNamesEveryoneByPseudonymOnly() {
        Group group = openGroup(1, 1);
        enrol(group, candidate("r1", "msp-bievre"));
        enrol(group, candidate("r2", "epsm-bievre"));
        enrol(group, new Candidate(null, "person-3", Priority.ROUTINE, null, AT));
        group.pendingEvents().clear();

        messages.append(group, group.cancel("venue-unavailable", AT));

        OutboundEvent cancelled = group.pendingEvents().getFirst();
        assertThat(cancelled.audience()).containsExactlyInAnyOrder("lieu-dit", "msp-bievre", "epsm-bievre");
        assertThat(cancelled.data())
                .containsEntry("reason", "venue-unavailable")
                .containsEntry("confirmedCount", 1)
                .containsEntry("minParticipants", 1);
        assertThat((List<?>) cancelled.data().get("participants")).hasSize(3);
    }

    @Test
    void anEnrolmentWithoutAReferralGoesToTheProgrammeInstitutionOnly() {
        Group group = openGroup(2, 1);
        enrol(group, new Candidate(null, "person-1", Priority.ROUTINE, null, NOW));

        OutboundEvent confirmed = group.pendingEvents().getLast();
        assertThat(confirmed.audience()).containsExactly("lieu-dit");
        assertThat(confirmed.data()).containsEntry("referralId", null);
        EventSchemas.assertValid(confirmed.type(), JSON.writeValueAsString(confirmed.data()));
    }

    @Test
    void aReferrerOfTheProgrammesOwnInstitutionIsNamedOnce() {
        Group group = openGroup(1, 1);
        enrol(group, candidate("r1", "lieu-dit"));

        assertThat(group.pendingEvents().getLast().audience()).containsExactly("lieu-dit");
    }

    @Test
    void theSchemasRefuseAnIdentityFieldSneakingIn() {
        String withName = """
                {"enrolmentId":"%s","groupId":"%s","programmeId":"p","referralId":"r","personRef":"x",
                 "territory":"bievre","confirmedAt":"2026-11-23T10:00:00Z","promotedFromWaitlist":false,
                 "familyName":"Dupont"}""".formatted(UUID.randomUUID(), UUID.randomUUID());

        assertThat(EventSchemas.violations("fr.maillage.workshop.enrolment-confirmed.v1", withName))
                .isNotEmpty();
    }

    @Test
    void theSchemasRefuseAFreeTextReason() {
        String freeText = """
                {"enrolmentId":"%s","groupId":"%s","programmeId":"p","referralId":null,"personRef":"x",
                 "territory":"bievre","reason":"Il a déménagé chez sa sœur","withdrewAt":"2026-11-23T10:00:00Z"}""".formatted(UUID.randomUUID(), UUID.randomUUID());

        assertThat(EventSchemas.violations("fr.maillage.workshop.participant-withdrew.v1", freeText))
                .isNotEmpty();
    }

    @Test
    void theSchemasRefuseAGroupWithOneFacilitator() {
        String oneFacilitator = """
                {"groupId":"%s","programmeId":"p","territory":"bievre","capacity":8,"facilitatorIds":["a"]}""".formatted(UUID.randomUUID());

        assertThat(EventSchemas.violations("fr.maillage.workshop.group-opened.v1", oneFacilitator))
                .isNotEmpty();
    }
}
