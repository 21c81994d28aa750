package fr.maillage.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.referral.resource.Resource;
import fr.maillage.referral.resource.ResourceType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferralAccessPolicyTests {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Referral BY_PARTNER_EPSM = Referral.submit(
                    "ref-1",
                    "person-1",
                    Resource.register("res-1", "CMP", ResourceType.CMP, "epsm-bievre", "bievre", List.of(), "admin", T0)
                            .resource(),
                    Priority.ROUTINE,
                    "suivi",
                    new Referrer("sa-epsm", "service-account-partner-epsm", "epsm-bievre", "partner-epsm"),
                    true,
                    T0)
            .referral();

    private static Actor coordinator(String territory) {
        return new Actor("coord", "cpts", Set.of(territory), false, true, false);
    }

    @Test
    void theReferrerAndPartnersOfItsInstitutionSeeIt() {
        assertThat(ReferralAccessPolicy.canView(
                        BY_PARTNER_EPSM, new Actor("sa-epsm", "epsm-bievre", Set.of(), false, false, true)))
                .isTrue();
        assertThat(ReferralAccessPolicy.canView(
                        BY_PARTNER_EPSM, new Actor("other-client", "epsm-bievre", Set.of(), false, false, true)))
                .isTrue();
    }

    @Test
    void aPartnerOfAnotherInstitutionDoesNotSeeIt() {
        assertThat(ReferralAccessPolicy.canView(
                        BY_PARTNER_EPSM, new Actor("sa-dac", "dac-lyon", Set.of("lyon-nord"), false, false, true)))
                .isFalse();
    }

    @Test
    void aClinicianOfTheReferrersInstitutionIsNotTheReferrer() {
        assertThat(ReferralAccessPolicy.canView(
                        BY_PARTNER_EPSM, new Actor("nurse", "epsm-bievre", Set.of("bievre"), false, false, false)))
                .isFalse();
    }

    @Test
    void coordinatorsOfTheTerritoryAndAdminsSeeAndAccept() {
        Actor admin = new Actor("admin", "platform", Set.of(), true, false, false);

        assertThat(ReferralAccessPolicy.canView(BY_PARTNER_EPSM, coordinator("bievre")))
                .isTrue();
        assertThat(ReferralAccessPolicy.canAccept(BY_PARTNER_EPSM, coordinator("bievre")))
                .isTrue();
        assertThat(ReferralAccessPolicy.canView(BY_PARTNER_EPSM, admin)).isTrue();
        assertThat(ReferralAccessPolicy.canAccept(BY_PARTNER_EPSM, admin)).isTrue();
    }

    @Test
    void aCoordinatorOfAnotherTerritoryNeitherSeesNorAccepts() {
        assertThat(ReferralAccessPolicy.canView(BY_PARTNER_EPSM, coordinator("lyon-nord")))
                .isFalse();
        assertThat(ReferralAccessPolicy.canAccept(BY_PARTNER_EPSM, coordinator("lyon-nord")))
                .isFalse();
    }

    @Test
    void theReferrerSeesButDoesNotAcceptTheirOwnReferral() {
        Actor referrer = new Actor("sa-epsm", "epsm-bievre", Set.of("bievre"), false, false, true);

        assertThat(ReferralAccessPolicy.canAccept(BY_PARTNER_EPSM, referrer)).isFalse();
    }
}
