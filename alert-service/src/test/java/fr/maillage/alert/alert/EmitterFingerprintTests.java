package fr.maillage.alert.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmitterFingerprintTests {

    private static Emitter emitter(String name, String organisation, String contact) {
        return new Emitter(EmitterKind.PROFESSIONAL, name, organisation, contact, true, "msp-bievre");
    }

    @Test
    void theSameEmitterWrittenDifferentlyHasTheSameFingerprint() {
        String fingerprint = EmitterFingerprint.of(emitter("Dr  Éva Martin", "MSP Bièvre", "04 76 00 00 00"));

        assertThat(EmitterFingerprint.of(emitter("dr eva martin", "msp-bievre", "04.76.00.00.00")))
                .isEqualTo(fingerprint);
        assertThat(fingerprint).matches("[0-9a-f]{64}");
    }

    @Test
    void anotherNameOrContactIsAnotherEmitter() {
        String fingerprint = EmitterFingerprint.of(emitter("Eva Martin", "MSP", "0476000000"));

        assertThat(EmitterFingerprint.of(emitter("Eve Martin", "MSP", "0476000000")))
                .isNotEqualTo(fingerprint);
        assertThat(EmitterFingerprint.of(emitter("Eva Martin", "MSP", "0476000001")))
                .isNotEqualTo(fingerprint);
        assertThat(EmitterFingerprint.of(emitter("Eva Martin", "CMP", "0476000000")))
                .isNotEqualTo(fingerprint);
    }

    @Test
    void theFieldsDoNotRunIntoEachOther() {
        assertThat(EmitterFingerprint.of(emitter("ab", "c", null)))
                .isNotEqualTo(EmitterFingerprint.of(emitter("a", "bc", null)));
    }

    @Test
    void anAnonymousEmitterHasNoFingerprint() {
        assertThat(EmitterFingerprint.of(emitter(null, "EPSM", " "))).isNull();
        assertThat(EmitterFingerprint.of(null)).isNull();
    }

    @Test
    void theFingerprintHoldsNoPlainText() {
        assertThat(EmitterFingerprint.of(emitter("Martin", "EPSM", "0476000000")))
                .doesNotContainIgnoringCase("martin")
                .doesNotContain("0476");
    }
}
