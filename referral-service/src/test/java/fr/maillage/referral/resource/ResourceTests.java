package fr.maillage.referral.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.platform.security.CurrentUser;
import fr.maillage.platform.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceTests {

    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    static final Duration SIX_MONTHS = Duration.ofDays(180);

    static ResourceDescription cmp() {
        return new ResourceDescription(
                "  CMP adultes de l'Isère  ",
                ResourceType.CMP,
                "epsm-bievre",
                "bievre",
                List.of("38260", "38260", "38870"),
                18,
                64,
                "Adultes du secteur, sur orientation médicale",
                List.of("français", "arabe", "français"),
                "Plain-pied",
                new Contact(
                        "04 76 00 00 00", "cmp@epsm.example", null, " 1 rue de la Gare, 38260 La Côte-Saint-André "),
                "lun-ven 9h-17h",
                ResourceStatus.ACTIVE);
    }

    static Resource published() {
        return Resource.publish("res-1", cmp(), null, "coord", T0).resource();
    }

    @Test
    void aPublishedResourceIsActiveVerifiedByItsAuthorAndAnnounced() {
        Resource.Publication publication = Resource.publish("res-1", cmp(), new Capacity(2, 10, T0), "coord", T0);
        Resource resource = publication.resource();

        assertThat(resource.status()).isEqualTo(ResourceStatus.ACTIVE);
        assertThat(resource.takesReferrals()).isTrue();
        assertThat(resource.name()).isEqualTo("CMP adultes de l'Isère");
        assertThat(resource.communes()).containsExactly("38260", "38870");
        assertThat(resource.languages()).containsExactly("français", "arabe");
        assertThat(resource.contact().address()).isEqualTo("1 rue de la Gare, 38260 La Côte-Saint-André");
        assertThat(resource.lastVerifiedAt()).isEqualTo(T0);
        assertThat(resource.lastVerifiedBy()).isEqualTo("coord");
        assertThat(resource.registeredAt()).isEqualTo(T0);
        assertThat(publication.event())
                .isEqualTo(new ResourceEvent.ResourcePublished(
                        new ResourceEvent.Facts(
                                "res-1",
                                "CMP adultes de l'Isère",
                                ResourceType.CMP,
                                "epsm-bievre",
                                "bievre",
                                List.of("38260", "38870"),
                                18,
                                64,
                                ResourceStatus.ACTIVE,
                                2,
                                10),
                        T0));
    }

    @Test
    void keywordsComeFromNameTypeEligibilityLanguagesAndInstitutionButNotFromContact() {
        assertThat(published().keywords())
                .contains(
                        "cmp",
                        "adultes",
                        "isere",
                        "secteur",
                        "orientation",
                        "medicale",
                        "francais",
                        "arabe",
                        "epsm",
                        "bievre")
                .doesNotContain("gare", "plain", "pied", "04", "l", "de");
    }

    @Test
    void theWalkingSkeletonsRegistrationIsAMinimalActiveResource() {
        Resource resource = Resource.register(
                        "res-1", "Atelier", ResourceType.WORKSHOP_PROGRAMME, "lieu-dit", "bievre", null, "coord", T0)
                .resource();

        assertThat(resource.takesReferrals()).isTrue();
        assertThat(resource.communes()).isEmpty();
        assertThat(resource.minimumAge()).isNull();
        assertThat(resource.capacity()).isNull();
        assertThat(resource.keywords()).containsExactly("atelier", "dit", "lieu", "programme", "workshop");
    }

    @Test
    void onlyAnActiveResourceTakesReferrals() {
        Resource resource = published();

        resource.describe(cmp().withStatus(ResourceStatus.TEMPORARILY_CLOSED), T0.plusSeconds(60));
        assertThat(resource.takesReferrals()).isFalse();
        resource.describe(cmp().withStatus(ResourceStatus.INACTIVE), T0.plusSeconds(120));
        assertThat(resource.takesReferrals()).isFalse();
        resource.describe(cmp(), T0.plusSeconds(180));
        assertThat(resource.takesReferrals()).isTrue();
    }

    @Test
    void aNewDescriptionIsAnnouncedWithTheNewFactsAndNewKeywords() {
        Resource resource = published();
        ResourceDescription renamed = new ResourceDescription(
                "CMP Grenoble Nord",
                ResourceType.CMP,
                "epsm-bievre",
                "bievre",
                List.of("38000"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                ResourceStatus.ACTIVE);

        var event = resource.describe(renamed, T0.plusSeconds(60));

        assertThat(event).get().isInstanceOfSatisfying(ResourceEvent.ResourceUpdated.class, updated -> {
            assertThat(updated.resource().name()).isEqualTo("CMP Grenoble Nord");
            assertThat(updated.resource().minimumAge()).isNull();
            assertThat(updated.previousInstitution()).isNull();
            assertThat(updated.updatedAt()).isEqualTo(T0.plusSeconds(60));
        });
        assertThat(resource.keywords()).contains("grenoble", "nord").doesNotContain("isere", "arabe");
        assertThat(resource.contact()).isNull();
        assertThat(resource.updatedAt()).isEqualTo(T0.plusSeconds(60));
        // Editing is not verifying.
        assertThat(resource.lastVerifiedAt()).isEqualTo(T0);
    }

    @Test
    void theSameDescriptionAgainChangesNothingAndSaysNothing() {
        Resource resource = published();

        assertThat(resource.describe(cmp(), T0.plusSeconds(60))).isEmpty();
        assertThat(resource.updatedAt()).isEqualTo(T0);
    }

    @Test
    void movingToAnotherInstitutionTellsTheOneItLeft() {
        Resource resource = published();
        ResourceDescription moved = new ResourceDescription(
                "CMP adultes de l'Isère",
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
                ResourceStatus.ACTIVE);

        assertThat(resource.describe(moved, T0.plusSeconds(60)))
                .get()
                .isInstanceOfSatisfying(ResourceEvent.ResourceUpdated.class, updated -> {
                    assertThat(updated.resource().institution()).isEqualTo("chs-savoie");
                    assertThat(updated.previousInstitution()).isEqualTo("epsm-bievre");
                });
    }

    @Test
    void aMinimumAgeAboveTheMaximumIsNotADescription() {
        assertThatThrownBy(() -> new ResourceDescription(
                        "CMP",
                        ResourceType.CMP,
                        "epsm-bievre",
                        "bievre",
                        List.of(),
                        65,
                        18,
                        null,
                        null,
                        null,
                        null,
                        null,
                        ResourceStatus.ACTIVE))
                .isInstanceOf(ResourceRuleViolation.class)
                .hasMessageContaining("minimum age (65)");
        assertThatThrownBy(() -> new ResourceDescription(
                        "CMP",
                        ResourceType.CMP,
                        "epsm-bievre",
                        "bievre",
                        List.of(),
                        -1,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        ResourceStatus.ACTIVE))
                .isInstanceOf(ResourceRuleViolation.class);
    }

    @Test
    void openAgeBoundsTakeEveryoneOnThatSide() {
        ResourceDescription adults = ResourceDescription.of("CMP", ResourceType.CMP, "e", "t", List.of());
        assertThat(adults.takesAge(3)).isTrue();
        assertThat(cmp().takesAge(17)).isFalse();
        assertThat(cmp().takesAge(18)).isTrue();
        assertThat(cmp().takesAge(34)).isTrue();
        assertThat(cmp().takesAge(64)).isTrue();
        assertThat(cmp().takesAge(65)).isFalse();
    }

    @Test
    void newCapacityCountsAreAnnouncedAndAConfirmationOnlyDatesThem() {
        Resource resource = published();

        var first = resource.updateCapacity(3, 10, T0.plusSeconds(60));
        var confirmed = resource.updateCapacity(3, 10, T0.plusSeconds(120));
        var full = resource.updateCapacity(0, 10, T0.plusSeconds(180));

        assertThat(first)
                .get()
                .satisfies(event ->
                        assertThat(event.resource().capacityAvailable()).isEqualTo(3));
        assertThat(confirmed).isEmpty();
        assertThat(full).get().satisfies(event -> {
            assertThat(event.resource().capacityAvailable()).isZero();
            assertThat(event.resource().capacityMaximum()).isEqualTo(10);
        });
        assertThat(resource.capacity()).isEqualTo(new Capacity(0, 10, T0.plusSeconds(180)));
    }

    @Test
    void impossibleCapacitiesAreRefused() {
        Resource resource = published();

        assertThatThrownBy(() -> resource.updateCapacity(11, 10, T0)).isInstanceOf(ResourceRuleViolation.class);
        assertThatThrownBy(() -> resource.updateCapacity(-1, null, T0)).isInstanceOf(ResourceRuleViolation.class);
        assertThat(resource.capacity()).isNull();
        assertThat(new Capacity(5, null, T0).maximum()).isNull();
    }

    @Test
    void aRecordNotVerifiedForSixMonthsIsStaleUntilSomeoneVerifiesIt() {
        Resource resource = published();
        Instant later = T0.plus(SIX_MONTHS).plusSeconds(1);

        assertThat(resource.isStale(T0.plus(SIX_MONTHS), SIX_MONTHS)).isFalse();
        assertThat(resource.isStale(later, SIX_MONTHS)).isTrue();

        resource.verify("coord-2", later);

        assertThat(resource.isStale(later, SIX_MONTHS)).isFalse();
        assertThat(resource.lastVerifiedBy()).isEqualTo("coord-2");
    }

    @Test
    void adminsAndCoordinatorsOfTheTerritoryManageTheInstitutionAlsoTellsCapacity() {
        Resource resource = published();
        CurrentUser admin = user(Set.of(Role.ADMIN), "platform", Set.of());
        CurrentUser coordBievre = user(Set.of(Role.COORDINATOR), "cpts-bievre", Set.of("bievre"));
        CurrentUser coordLyon = user(Set.of(Role.COORDINATOR), "ptsm-lyon", Set.of("lyon-nord"));
        CurrentUser partnerEpsm = user(Set.of(Role.PARTNER), "epsm-bievre", Set.of("bievre"));
        CurrentUser clinicianEpsm = user(Set.of(Role.CLINICIAN), "epsm-bievre", Set.of("bievre"));
        CurrentUser facilitatorEpsm = user(Set.of(Role.FACILITATOR), "epsm-bievre", Set.of("bievre"));
        CurrentUser partnerDac = user(Set.of(Role.PARTNER), "dac-lyon", Set.of("lyon-nord"));
        CurrentUser steering = user(Set.of(Role.STEERING), "cpts-bievre", Set.of("bievre"));

        assertThat(List.of(admin, coordBievre, coordLyon, partnerEpsm, clinicianEpsm, steering))
                .extracting(who -> ResourceAccessPolicy.canManage(who, resource.territory()))
                .containsExactly(true, true, false, false, false, false);
        assertThat(List.of(
                        admin,
                        coordBievre,
                        coordLyon,
                        partnerEpsm,
                        clinicianEpsm,
                        facilitatorEpsm,
                        partnerDac,
                        steering))
                .extracting(who -> ResourceAccessPolicy.canUpdateCapacity(who, resource))
                .containsExactly(true, true, false, true, true, false, false, false);
    }

    private static CurrentUser user(Set<Role> roles, String institution, Set<String> territories) {
        return new CurrentUser("id", "name", roles, institution, territories, null, null);
    }
}
