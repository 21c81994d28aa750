package fr.maillage.referral.resource;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.events.EventOutbox;
import fr.maillage.platform.testing.EventSchemas;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResourceMessagesTests {

    @Test
    void aRegisteredResourceIsAnnouncedToItsInstitutionWithTheContractsFields() {
        Resource.Registration registration = Resource.register(
                UUID.randomUUID().toString(),
                "Atelier santé mentale et travail",
                ResourceType.WORKSHOP_PROGRAMME,
                "lieu-dit",
                "bievre",
                List.of("38260"),
                "coord",
                Instant.parse("2026-11-23T09:00:00Z"));

        new ResourceMessages(EventOutbox.standalone()).stage(registration.resource(), registration.event());

        assertThat(registration.resource().pendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(ResourceMessages.RESOURCE_REGISTERED);
            assertThat(event.subject()).isEqualTo(registration.resource().id());
            assertThat(event.territory()).isEqualTo("bievre");
            assertThat(event.audience()).containsExactly("lieu-dit");
            assertThat(event.data())
                    .containsOnlyKeys("resourceId", "type", "institution", "territory", "communes", "status")
                    .containsEntry("type", "WORKSHOP_PROGRAMME")
                    .containsEntry("status", "ACTIVE");
            assertThat(EventSchemas.violations(event.type(), event.data())).isEmpty();
        });
    }
}
