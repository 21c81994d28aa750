package fr.maillage.referral.person;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.events.EventOutbox;
import fr.maillage.platform.events.OutboundEvent;
import fr.maillage.platform.testing.EventSchemas;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PersonMessagesTests {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.123Z");

    private final PersonMessages messages = new PersonMessages(EventOutbox.standalone());

    @Test
    void consentsAndErasureLeaveAsSchemaValidPseudonymousEventsKeyedByPersonRef() {
        String personRef = UUID.randomUUID().toString();
        Person person = Person.register(personRef, "index", new byte[] {1}, T0);
        person.joinCareTeam(
                new CareTeamMember("dr-martin", "msp-bievre", CareTeamRole.REFERRER, "referral:r"), "bievre", T0);
        String consentId = UUID.randomUUID().toString();
        PersonEvent recorded = person.recordConsent(
                consentId,
                new ConsentRequest(
                        ConsentPurpose.REFERRAL,
                        Set.of("epsm-bievre"),
                        Set.of(UUID.randomUUID().toString())),
                new Recorder("dr-martin", "msp-bievre"),
                T0);
        PersonEvent withdrawn = person.withdrawConsent(consentId, "dr-martin", T0.plusSeconds(1));
        PersonEvent erased = person.erase(T0.plusSeconds(2));

        messages.stage(person, List.of(recorded, withdrawn, erased));

        List<OutboundEvent> events = person.pendingEvents();
        assertThat(events)
                .extracting(OutboundEvent::type)
                .containsExactly(
                        PersonMessages.CONSENT_RECORDED,
                        PersonMessages.CONSENT_WITHDRAWN,
                        PersonMessages.PERSON_ERASED);
        for (OutboundEvent event : events) {
            EventSchemas.assertValid(event.type(), event.data());
            assertThat(event.subject()).isEqualTo(personRef);
            assertThat(event.territory()).isEqualTo("bievre");
            assertThat(event.data()).containsEntry("personRef", personRef);
        }
        assertThat(events.get(0).audience()).containsExactly("epsm-bievre", "msp-bievre");
        assertThat(events.get(0).data()).containsEntry("purpose", "REFERRAL").containsEntry("givenAt", T0.toString());
        assertThat(events.get(1).data())
                .containsEntry("withdrawnAt", T0.plusSeconds(1).toString());
        assertThat(events.get(2).data()).containsOnlyKeys("personRef", "erasedAt");
        assertThat(events.get(2).audience()).containsExactly("epsm-bievre", "msp-bievre");
    }
}
