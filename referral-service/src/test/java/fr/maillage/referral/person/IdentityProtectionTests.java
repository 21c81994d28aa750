package fr.maillage.referral.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdentityProtectionTests {

    private static final Identity MARIE = new Identity("Dupont", "Marie", LocalDate.of(1987, 4, 12), "38260");

    private final PersonKeys keys = PersonKeys.generate();
    private final IdentityProtection protection = new IdentityProtection(keys);

    @Test
    void anEncryptedIdentityDecryptsForItsOwnPersonRefOnly() {
        byte[] ciphertext = protection.encrypt("ref-1", MARIE);

        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("Dupont", "Marie", "1987");
        assertThat(protection.decrypt("ref-1", ciphertext)).isEqualTo(MARIE);
        assertThatThrownBy(() -> protection.decrypt("ref-2", ciphertext)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void twoSpellingsOfOnePersonHaveTheSameBlindIndex() {
        Identity sameWrittenElsewhere = new Identity("DUPONT ", "marie", LocalDate.of(1987, 4, 12), "69001");

        assertThat(protection.blindIndex(MARIE))
                .isEqualTo(protection.blindIndex(sameWrittenElsewhere))
                .hasSize(64)
                .isNotEqualTo(
                        protection.blindIndex(new Identity("Dupont", "Marie", LocalDate.of(1987, 4, 13), "38260")));
    }

    @Test
    void theBlindIndexDependsOnTheKeySoItCannotBeRecomputedWithoutIt() {
        IdentityProtection otherKeys = new IdentityProtection(PersonKeys.generate());

        assertThat(otherKeys.blindIndex(MARIE)).isNotEqualTo(protection.blindIndex(MARIE));
    }

    @Test
    void serialisedKeysReadBackToTheSameKeys() {
        IdentityProtection reloaded = new IdentityProtection(PersonKeys.parse(keys.serialize()));

        assertThat(reloaded.blindIndex(MARIE)).isEqualTo(protection.blindIndex(MARIE));
        assertThat(reloaded.decrypt("ref-1", protection.encrypt("ref-1", MARIE)))
                .isEqualTo(MARIE);
    }

    @Test
    void aMalformedKeysetIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> PersonKeys.parse("{\"identityAead\": {\"primaryKeyId\": 1}}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("identityAead")
                .hasMessageNotContaining("primaryKeyId");
    }

    @Test
    void contactDetailsAndGpAreEncryptedWithTheRestAndAreNotPartOfTheBlindIndex() {
        Identity withContact = new Identity(
                "Dupont",
                "Marie",
                LocalDate.of(1987, 4, 12),
                "38260",
                "06 12 34 56 78",
                "marie@example.org",
                "Dr Roux");

        byte[] ciphertext = protection.encrypt("ref-1", withContact);

        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1))
                .doesNotContain("12 34", "marie@example.org", "Roux");
        assertThat(protection.decrypt("ref-1", ciphertext)).isEqualTo(withContact);
        assertThat(protection.blindIndex(withContact)).isEqualTo(protection.blindIndex(MARIE));
    }

    @Test
    void blankContactDetailsAreAbsentAndTheIdentityNeverPrintsItself() {
        Identity identity = new Identity("Dupont", "Marie", LocalDate.of(1987, 4, 12), "38260", " ", "", null);

        assertThat(identity).isEqualTo(MARIE);
        assertThat(identity.phone()).isNull();
        assertThat(identity.toString()).doesNotContain("Dupont");
    }
}
