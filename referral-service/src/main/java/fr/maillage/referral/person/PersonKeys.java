package fr.maillage.referral.person;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two Tink keysets of the person registry, kept together in one configuration file:
 * {@code {"identityAead": <Tink JSON keyset>, "blindIndexPrf": <Tink JSON keyset>}}. The AEAD keyset
 * (AES-256-GCM) encrypts identities at rest; the PRF keyset (HMAC-SHA256) computes the blind index, a
 * second, independent key so that the index reveals nothing about the ciphertexts.
 */
public final class PersonKeys {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String IDENTITY_AEAD = "identityAead";
    private static final String BLIND_INDEX_PRF = "blindIndexPrf";
    private static final int BLIND_INDEX_BYTES = 32;

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final KeysetHandle identityKeyset;
    private final KeysetHandle blindIndexKeyset;
    private final Aead aead;
    private final PrfSet prf;

    private PersonKeys(KeysetHandle identityKeyset, KeysetHandle blindIndexKeyset) throws GeneralSecurityException {
        this.identityKeyset = identityKeyset;
        this.blindIndexKeyset = blindIndexKeyset;
        this.aead = identityKeyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.prf = blindIndexKeyset.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
    }

    /** Fresh keys: for a developer machine or a test, never for a deployment (its keys come from its secrets). */
    public static PersonKeys generate() {
        try {
            return new PersonKeys(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, RegistryConfiguration.get()),
                    KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF, RegistryConfiguration.get()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate the person registry keys", e);
        }
    }

    public static PersonKeys parse(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            return new PersonKeys(keyset(root, IDENTITY_AEAD), keyset(root, BLIND_INDEX_PRF));
        } catch (GeneralSecurityException | RuntimeException e) {
            // The cause may quote key material: say what is wrong without it.
            throw new IllegalStateException(
                    "The person registry keyset is not a valid {\"" + IDENTITY_AEAD + "\", \"" + BLIND_INDEX_PRF
                            + "\"} pair of Tink JSON keysets (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static KeysetHandle keyset(JsonNode root, String field) throws GeneralSecurityException {
        JsonNode keyset = root.get(field);
        if (keyset == null || !keyset.isObject()) {
            throw new GeneralSecurityException("missing " + field);
        }
        return TinkJsonProtoKeysetFormat.parseKeyset(
                JSON.writeValueAsString(keyset), RegistryConfiguration.get(), InsecureSecretKeyAccess.get());
    }

    public String serialize() {
        try {
            ObjectNode root = JSON.createObjectNode();
            root.set(
                    IDENTITY_AEAD,
                    JSON.readTree(TinkJsonProtoKeysetFormat.serializeKeyset(
                            identityKeyset, RegistryConfiguration.get(), InsecureSecretKeyAccess.get())));
            root.set(
                    BLIND_INDEX_PRF,
                    JSON.readTree(TinkJsonProtoKeysetFormat.serializeKeyset(
                            blindIndexKeyset, RegistryConfiguration.get(), InsecureSecretKeyAccess.get())));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot serialise the person registry keys", e);
        }
    }

    byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        return aead.encrypt(plaintext, associatedData);
    }

    byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        return aead.decrypt(ciphertext, associatedData);
    }

    /** Deterministic by design (the same input finds the same person); the PRF primary key must not rotate. */
    byte[] blindIndex(String input) throws GeneralSecurityException {
        return prf.computePrimary(input.getBytes(StandardCharsets.UTF_8), BLIND_INDEX_BYTES);
    }
}
