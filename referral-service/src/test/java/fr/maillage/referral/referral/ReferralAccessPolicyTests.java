package fr.maillage.referral.referral;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.referral.resource.ResourceType;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three sides of a referral, and everyone else. */
class ReferralAccessPolicyTests {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final Target CMP_EPSM = new Target("res-1", ResourceType.CMP, "epsm-bievre", "bievre");

    /** dr-martin (msp-bievre) refers to a CMP of epsm-bievre in bievre. */
    private static final Referral BY_DR_MARTIN = Referral.submit(
                    "ref-1",
                    "person-1",
                    CMP_EPSM,
                    Priority.ROUTINE,
                    "suivi",
                    new Referrer("dr-martin-sub", "dr-martin", "msp-bievre", null),
                    new Consent(true, T0, "dr-martin-sub", "epsm-bievre", "consent-1", true),
                    T0.plusSeconds(3600),
                    T0)
            .referral();

    /** partner-epsm refers to a workshop of lieu-dit in bievre. */
    private static final Referral BY_PARTNER_EPSM = Referral.submit(
                    "ref-2",
                    "person-2",
                    new Target("res-2", ResourceType.WORKSHOP_PROGRAMME, "lieu-dit", "bievre"),
                    Priority.ROUTINE,
                    "suivi",
                    new Referrer("sa-epsm", "service-account-partner-epsm", "epsm-bievre", "partner-epsm"),
                    new Consent(true, T0, "sa-epsm", "lieu-dit", "consent-2", true),
                    T0.plusSeconds(3600),
                    T0)
            .referral();

    private static Actor actor(String kind) {
        return switch (kind) {
            case "referrer" -> clinician("dr-martin-sub", "msp-bievre");
            case "referrer-colleague" -> clinician("ide-bernard-sub", "msp-bievre");
            case "target-clinician" -> clinician("psy-epsm-sub", "epsm-bievre");
            case "target-partner" -> partner("sa-epsm", "epsm-bievre");
            case "target-facilitator-only" ->
                new Actor("anim-sub", "anim", "epsm-bievre", Set.of("bievre"), false, false, false, false);
            case "coordinator" -> coordinator("bievre");
            case "other-coordinator" -> coordinator("lyon-nord");
            case "other-partner" -> partner("sa-dac", "dac-lyon");
            case "other-clinician" -> clinician("psy-durand-sub", "lieu-dit");
            case "steering" ->
                new Actor("copil-sub", "copil", "cpts-bievre", Set.of("bievre"), false, false, false, false);
            case "admin" -> new Actor("admin-sub", "admin", "platform", Set.of("bievre"), true, false, false, false);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static Actor clinician(String id, String institution) {
        return new Actor(id, id, institution, Set.of("bievre"), false, false, true, false);
    }

    private static Actor partner(String id, String institution) {
        return new Actor(id, id, institution, Set.of("bievre"), false, false, false, true);
    }

    private static Actor coordinator(String territory) {
        return new Actor("coord-" + territory, "coord", "cpts", Set.of(territory), false, true, false, false);
    }

    @ParameterizedTest(name = "{0}: view={1} receive={2} cancel={3}")
    @CsvSource({
        "referrer,                 true,  false, true",
        "referrer-colleague,       false, false, false",
        "target-clinician,         true,  true,  false",
        "target-partner,           true,  true,  false",
        "target-facilitator-only,  false, false, false",
        "coordinator,              true,  true,  false",
        "other-coordinator,        false, false, false",
        "other-partner,            false, false, false",
        "other-clinician,          false, false, false",
        "steering,                 false, false, false",
        "admin,                    true,  false, false"
    })
    void whoSeesReceivesAndCancelsAReferralOfDrMartinToEpsm(
            String kind, boolean view, boolean receive, boolean cancel) {
        Actor actor = actor(kind);

        assertThat(ReferralAccessPolicy.canView(BY_DR_MARTIN, actor)).as("view").isEqualTo(view);
        assertThat(ReferralAccessPolicy.canReceive(BY_DR_MARTIN, actor))
                .as("receive")
                .isEqualTo(receive);
        assertThat(ReferralAccessPolicy.canCancel(BY_DR_MARTIN, actor))
                .as("cancel")
                .isEqualTo(cancel);
    }

    @Test
    void everyPartnerSystemOfTheReferrersInstitutionFollowsAndCancelsItsReferrals() {
        Actor anotherEpsmSystem = partner("sa-epsm-dpi", "epsm-bievre");

        assertThat(ReferralAccessPolicy.canView(BY_PARTNER_EPSM, anotherEpsmSystem))
                .isTrue();
        assertThat(ReferralAccessPolicy.canCancel(BY_PARTNER_EPSM, anotherEpsmSystem))
                .isTrue();
        assertThat(ReferralAccessPolicy.canReceive(BY_PARTNER_EPSM, anotherEpsmSystem))
                .isFalse();
    }

    @Test
    void aClinicianOfTheReferrersInstitutionIsNotTheReferrer() {
        Actor epsmClinician = clinician("psy-epsm-sub", "epsm-bievre");

        assertThat(ReferralAccessPolicy.canView(BY_PARTNER_EPSM, epsmClinician)).isFalse();
        assertThat(ReferralAccessPolicy.canCancel(BY_PARTNER_EPSM, epsmClinician))
                .isFalse();
    }

    @Test
    void theReceivingInstitutionOfAnotherReferralHasNoSayOnThisOne() {
        Actor lieuDit = clinician("psy-durand-sub", "lieu-dit");

        assertThat(ReferralAccessPolicy.canReceive(BY_PARTNER_EPSM, lieuDit)).isTrue();
        assertThat(ReferralAccessPolicy.canReceive(BY_DR_MARTIN, lieuDit)).isFalse();
    }

    @Test
    void aCoordinatorWithoutTheCoordinatorRoleCoordinatesNothing() {
        Actor notACoordinator = new Actor("x", "x", "cpts-bievre", Set.of("bievre"), false, false, false, false);

        assertThat(ReferralAccessPolicy.canView(BY_DR_MARTIN, notACoordinator)).isFalse();
        assertThat(ReferralAccessPolicy.canReceive(BY_DR_MARTIN, notACoordinator))
                .isFalse();
    }
}
