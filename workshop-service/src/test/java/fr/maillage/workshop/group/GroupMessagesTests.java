package fr.maillage.workshop.group;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.events.EventOutbox;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.testing.EventSchemas;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class GroupMessagesTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GroupMessages messages = new GroupMessages(EventOutbox.standalone());

    private final String groupId = UUID.randomUUID().toString();

    private Group fullGroupOfOne() {
        Group.Opened opened = Group.open(
                groupId, "programme-1", "lieu-dit", "bievre", 1, Facilitators.of(List.of("psy", "ide")), NOW);
        messages.append(opened.group(), opened.event());
        return opened.group();
    }

    private static Candidate candidate(String referralId, String referrerInstitution) {
        return new Candidate(referralId, UUID.randomUUID().toString(), Priority.ROUTINE, referrerInstitution, NOW);
    }

    @Test
    void everyEventOfAGroupMatchesItsPublishedSchema() {
        Group group = fullGroupOfOne();
        group.enrol(candidate("r1", "msp-bievre"), UUID.randomUUID().toString(), NOW)
                .ifPresent(event -> messages.append(group, event));
        group.enrol(candidate("r2", "epsm-bievre"), UUID.randomUUID().toString(), NOW)
                .ifPresent(event -> messages.append(group, event));

        assertThat(group.pendingEvents())
                .extracting(OutboundEvent::type)
                .containsExactly(
                        "fr.maillage.workshop.group-opened.v1",
                        "fr.maillage.workshop.enrolment-confirmed.v1",
                        "fr.maillage.workshop.enrolment-waitlisted.v1");
        for (OutboundEvent event : group.pendingEvents()) {
            EventSchemas.assertValid(event.type(), JSON.writeValueAsString(event.data()));
            assertThat(event.subject()).isEqualTo(groupId);
            assertThat(event.territory()).isEqualTo("bievre");
        }
    }

    @Test
    void enrolmentEventsGoToTheReferrerAndTheProgrammeInstitution() {
        Group group = fullGroupOfOne();
        group.enrol(candidate("r1", "msp-bievre"), UUID.randomUUID().toString(), NOW)
                .ifPresent(event -> messages.append(group, event));

        assertThat(group.pendingEvents().get(0).audience()).containsExactly("lieu-dit");
        assertThat(group.pendingEvents().get(1).audience()).containsExactlyInAnyOrder("lieu-dit", "msp-bievre");
        assertThat(group.pendingEvents().get(1).data())
                .containsEntry("referralId", "r1")
                .containsEntry("confirmedAt", "2026-11-23T10:00:00.123Z");
    }

    @Test
    void aReferrerOfTheProgrammesOwnInstitutionIsNamedOnce() {
        Group group = fullGroupOfOne();
        group.enrol(candidate("r1", "lieu-dit"), UUID.randomUUID().toString(), NOW)
                .ifPresent(event -> messages.append(group, event));

        assertThat(group.pendingEvents().get(1).audience()).containsExactly("lieu-dit");
    }

    @Test
    void theSchemasRefuseAnIdentityFieldSneakingIn() {
        String withName = """
                {"enrolmentId":"%s","groupId":"%s","programmeId":"p","referralId":"r","personRef":"x",
                 "territory":"bievre","confirmedAt":"2026-11-23T10:00:00Z","familyName":"Dupont"}""".formatted(UUID.randomUUID(), UUID.randomUUID());

        assertThat(EventSchemas.violations("fr.maillage.workshop.enrolment-confirmed.v1", withName))
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
