package fr.maillage.referral.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonKeysConfigurationTests {

    private static final Identity MARIE = new Identity("Dupont", "Marie", LocalDate.of(1987, 4, 12), "38260");

    @TempDir
    Path dir;

    @Test
    void aMissingKeysetIsCreatedOwnerOnlyWhenAllowedAndReadBackTheSame() throws Exception {
        Path file = dir.resolve("keys/persons.json");

        PersonKeys created = PersonKeysConfiguration.loadOrCreate(new PersonsProperties(file, true));
        PersonKeys reloaded = PersonKeysConfiguration.loadOrCreate(new PersonsProperties(file, false));

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(new IdentityProtection(reloaded).blindIndex(MARIE))
                .isEqualTo(new IdentityProtection(created).blindIndex(MARIE));
    }

    @Test
    void aMissingKeysetStopsTheServiceUnlessCreationIsAllowed() {
        Path file = dir.resolve("persons.json");

        assertThatThrownBy(() -> PersonKeysConfiguration.loadOrCreate(new PersonsProperties(file, false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("create-keyset-if-missing");
        assertThat(file).doesNotExist();
    }

    @Test
    void anUnsetKeysetFileSaysWhichPropertyToSet() {
        assertThatThrownBy(() -> PersonKeysConfiguration.loadOrCreate(new PersonsProperties(null, true)))
                .hasMessageContaining("maillage.persons.keyset-file");
    }
}
