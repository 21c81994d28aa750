package fr.maillage.gateway.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CorrelationIdTests {

    @ParameterizedTest
    @ValueSource(strings = {"abc-123", "0af76519-16cd-43dd-8448-eb211c80319c", "partner.epsm:42_x"})
    void wellFormedIdIsKept(String id) {
        assertThat(CorrelationId.acceptOrCreate(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "line\nbreak", "quote\"", "<script>"})
    void missingOrMalformedIdIsReplacedByAUuid(String id) {
        String accepted = CorrelationId.acceptOrCreate(id);

        assertThat(accepted).isNotEqualTo(id);
        assertThat(UUID.fromString(accepted)).isNotNull();
    }

    @Test
    void idLongerThan128CharactersIsReplaced() {
        assertThat(CorrelationId.acceptOrCreate("a".repeat(128))).hasSize(128);
        assertThat(CorrelationId.acceptOrCreate("a".repeat(129))).hasSize(36);
    }
}
