package fr.maillage.workshop.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgrammeTests {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private static Programme programme(String type, String status) {
        return new Programme("p1", type, "lieu-dit", "bievre", List.of("38260"), status, AT);
    }

    @Test
    void onlyAnActiveWorkshopProgrammeTakesGroups() {
        assertThat(programme("WORKSHOP_PROGRAMME", "ACTIVE").acceptsGroups()).isTrue();
        assertThat(programme("WORKSHOP_PROGRAMME", "INACTIVE").acceptsGroups()).isFalse();
        assertThat(programme("CMP", "ACTIVE").acceptsGroups()).isFalse();
    }

    @Test
    void aDescriptionIsReplacedBySameOrNewerOnesOnly() {
        Programme programme = programme("WORKSHOP_PROGRAMME", "ACTIVE");

        assertThat(programme.isSupersededBy(AT)).isTrue();
        assertThat(programme.isSupersededBy(AT.plusMillis(1))).isTrue();
        assertThat(programme.isSupersededBy(AT.minusMillis(1))).isFalse();
    }

    @Test
    void aProgrammeUsesTheDefaultsUntilItHasSettingsOfItsOwn() {
        Programme described = programme("WORKSHOP_PROGRAMME", "ACTIVE");
        ProgrammeSettings own = new ProgrammeSettings(6, 90, 3, 8, Cadence.FORTNIGHTLY, false);

        assertThat(described.hasOwnSettings()).isFalse();
        assertThat(described.settingsOr(ProgrammeSettings.DEFAULTS)).isEqualTo(ProgrammeSettings.DEFAULTS);
        Programme set = described.withSettings(own);
        assertThat(set.hasOwnSettings()).isTrue();
        assertThat(set.settingsOr(ProgrammeSettings.DEFAULTS)).isEqualTo(own);
    }

    @Test
    void aProgrammeStoredBeforeVersionsExistedIsAtVersionZero() {
        Programme stored =
                new Programme("p1", "WORKSHOP_PROGRAMME", "lieu-dit", "bievre", List.of(), "ACTIVE", AT, null, null);

        assertThat(stored.version()).isZero();
        assertThat(new Programme("p1", "WORKSHOP_PROGRAMME", "lieu-dit", "bievre", List.of(), "ACTIVE", AT, null, 7L)
                        .withSettings(ProgrammeSettings.DEFAULTS)
                        .version())
                .isEqualTo(7);
    }
}
