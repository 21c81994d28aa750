package fr.maillage.referral.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdentityNormalisationTests {

    @Test
    void namesAreLowerCasedStrippedOfAccentsAndTrimmed() {
        assertThat(IdentityNormalisation.name("  Éloïse  ")).isEqualTo("eloise");
        assertThat(IdentityNormalisation.name("LEFÈVRE")).isEqualTo("lefevre");
        assertThat(IdentityNormalisation.name("Ñúñez Çelik")).isEqualTo("nunez celik");
    }

    @Test
    void separatorsAndLigaturesCompareEqual() {
        assertThat(IdentityNormalisation.name("Jean-Pierre")).isEqualTo(IdentityNormalisation.name("jean  pierre"));
        assertThat(IdentityNormalisation.name("D'Arc")).isEqualTo(IdentityNormalisation.name("d’arc"));
        assertThat(IdentityNormalisation.name("Lætitia Cœur")).isEqualTo("laetitia coeur");
    }

    @Test
    void blindIndexInputIgnoresTheCommuneButNotTheBirthDate() {
        Identity here = new Identity("Dupont", "Marie", LocalDate.of(1987, 4, 12), "38260");
        Identity movedAway = new Identity(" DUPONT ", "marie", LocalDate.of(1987, 4, 12), "69001");
        Identity anotherMarie = new Identity("Dupont", "Marie", LocalDate.of(1987, 4, 13), "38260");

        assertThat(IdentityNormalisation.blindIndexInput(here))
                .isEqualTo(IdentityNormalisation.blindIndexInput(movedAway))
                .isEqualTo("dupont|marie|1987-04-12")
                .isNotEqualTo(IdentityNormalisation.blindIndexInput(anotherMarie));
    }

    @Test
    void aFieldSeparatorInANameCannotShiftFieldsAcrossTheBoundary() {
        Identity a = new Identity("a|b", "c", LocalDate.of(2000, 1, 1), "38260");
        Identity b = new Identity("a", "b|c", LocalDate.of(2000, 1, 1), "38260");

        assertThat(IdentityNormalisation.blindIndexInput(a)).isNotEqualTo(IdentityNormalisation.blindIndexInput(b));
    }

    @Test
    void anIdentityNeverPrintsItself() {
        assertThat(new Identity("Dupont", "Marie", LocalDate.of(1987, 4, 12), "38260").toString())
                .doesNotContain("Dupont", "Marie", "1987", "38260");
    }
}
