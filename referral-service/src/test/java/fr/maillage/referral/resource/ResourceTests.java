package fr.maillage.referral.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceTests {

    @Test
    void aRegisteredResourceIsActiveAndAnnouncedWithoutItsName() {
        Resource.Registration registration = Resource.register(
                "res-1",
                "Atelier santé mentale et travail",
                ResourceType.WORKSHOP_PROGRAMME,
                "lieu-dit",
                "bievre",
                List.of("38260", "38260", "38870"),
                "coord",
                Instant.parse("2026-11-23T09:00:00Z"));

        assertThat(registration.resource().status()).isEqualTo(ResourceStatus.ACTIVE);
        assertThat(registration.resource().takesReferrals()).isTrue();
        assertThat(registration.resource().communes()).containsExactly("38260", "38870");
        assertThat(registration.event())
                .isEqualTo(new ResourceEvent.ResourceRegistered(
                        "res-1",
                        ResourceType.WORKSHOP_PROGRAMME,
                        "lieu-dit",
                        "bievre",
                        List.of("38260", "38870"),
                        ResourceStatus.ACTIVE));
    }
}
