package fr.maillage.referral.resource;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.platform.events.EventOutbox;
import fr.maillage.platform.testing.EventSchemas;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ResourceMessagesTests {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final List<String> FIELDS = List.of(
            "resourceId",
            "name",
            "type",
            "institution",
            "territory",
            "communes",
            "minimumAge",
            "maximumAge",
            "status",
            "capacityAvailable",
            "capacityMaximum");

    private final ResourceMessages messages = new ResourceMessages(EventOutbox.standalone());

    @Test
    void aPublishedResourceIsAnnouncedToItsInstitutionWithoutContactDetails() {
        Resource.Publication publication = Resource.publish(
                UUID.randomUUID().toString(), ResourceTests.cmp(), new Capacity(2, 10, T0), "coord", T0);

        messages.stage(publication.resource(), publication.event());

        assertThat(publication.resource().pendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(ResourceMessages.RESOURCE_PUBLISHED);
            assertThat(event.subject()).isEqualTo(publication.resource().id());
            assertThat(event.territory()).isEqualTo("bievre");
            assertThat(event.audience()).containsExactly("epsm-bievre");
            assertThat(event.data())
                    .containsOnlyKeys(with("publishedAt"))
                    .containsEntry("type", "CMP")
                    .containsEntry("status", "ACTIVE")
                    .containsEntry("minimumAge", 18)
                    .containsEntry("capacityAvailable", 2)
                    .containsEntry("publishedAt", "2026-11-23T09:00:00Z");
            EventSchemas.assertValid(event.type(), event.data());
        });
    }

    @Test
    void aMinimalResourceHasNullBoundsAndNoCapacityInItsEvent() {
        Resource.Publication publication = Resource.register(
                UUID.randomUUID().toString(),
                "Atelier santé mentale et travail",
                ResourceType.WORKSHOP_PROGRAMME,
                "lieu-dit",
                "bievre",
                List.of("38260"),
                "coord",
                T0);

        messages.stage(publication.resource(), publication.event());

        var data = publication.resource().pendingEvents().getFirst().data();
        assertThat(data).containsOnlyKeys(with("publishedAt"));
        assertThat(data.get("minimumAge")).isNull();
        assertThat(data.get("capacityAvailable")).isNull();
        EventSchemas.assertValid(ResourceMessages.RESOURCE_PUBLISHED, data);
    }

    @Test
    void anUpdateIsAnnouncedWithTheWholePictureAlsoToTheInstitutionItLeft() {
        Resource resource = Resource.publish(UUID.randomUUID().toString(), ResourceTests.cmp(), null, "coord", T0)
                .resource();
        ResourceDescription moved = new ResourceDescription(
                "CMP adultes",
                ResourceType.CMP,
                "chs-savoie",
                "bievre",
                List.of("38260"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                ResourceStatus.TEMPORARILY_CLOSED);

        messages.stage(resource, resource.describe(moved, T0.plusSeconds(60)).orElseThrow());
        messages.stage(
                resource, resource.updateCapacity(0, 12, T0.plusSeconds(120)).orElseThrow());

        assertThat(resource.pendingEvents()).hasSize(2).allSatisfy(event -> {
            assertThat(event.type()).isEqualTo(ResourceMessages.RESOURCE_UPDATED);
            assertThat(event.data()).containsOnlyKeys(with("updatedAt"));
            EventSchemas.assertValid(event.type(), event.data());
        });
        assertThat(resource.pendingEvents().get(0).audience()).containsExactly("chs-savoie", "epsm-bievre");
        assertThat(resource.pendingEvents().get(0).data()).containsEntry("status", "TEMPORARILY_CLOSED");
        assertThat(resource.pendingEvents().get(1).audience()).containsExactly("chs-savoie");
        assertThat(resource.pendingEvents().get(1).data())
                .containsEntry("capacityAvailable", 0)
                .containsEntry("capacityMaximum", 12)
                .containsEntry("updatedAt", "2026-11-23T09:02:00Z");
    }

    @Test
    void theSchemasRefuseContactDetailsAndUnknownStatuses() {
        Resource.Publication publication =
                Resource.publish(UUID.randomUUID().toString(), ResourceTests.cmp(), null, "coord", T0);
        messages.stage(publication.resource(), publication.event());
        var data = new LinkedHashMap<>(
                publication.resource().pendingEvents().getFirst().data());

        data.put("phone", "04 76 00 00 00");
        assertThat(EventSchemas.violations(ResourceMessages.RESOURCE_PUBLISHED, data))
                .isNotEmpty();
        data.remove("phone");
        data.put("status", "CLOSED");
        assertThat(EventSchemas.violations(ResourceMessages.RESOURCE_PUBLISHED, data))
                .isNotEmpty();
    }

    private static String[] with(String time) {
        return Stream.concat(FIELDS.stream(), Stream.of(time)).toArray(String[]::new);
    }
}
