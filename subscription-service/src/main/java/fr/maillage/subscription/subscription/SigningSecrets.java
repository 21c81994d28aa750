package fr.maillage.subscription.subscription;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Webhook signing secrets: made ({@code whsec_} + base64 of 32 random bytes, as Standard Webhooks), and
 * sealed at rest with a Tink AEAD keyset (AES-256-GCM), bound to their subscription's id (associated data)
 * so a sealed secret copied onto another subscription does not open.
 */
public final class SigningSecrets {

    public static final String PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final KeysetHandle keyset;
    private final Aead aead;
    private final SecureRandom random = new SecureRandom();

    private SigningSecrets(KeysetHandle keyset) throws GeneralSecurityException {
        this.keyset = keyset;
        this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    /** A fresh key: for a developer machine or a test, never for a deployment (its key comes from its secrets). */
    public static SigningSecrets generate() {
        try {
            return new SigningSecrets(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, RegistryConfiguration.get()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate the signing-secret key", e);
        }
    }

    /** A Tink JSON keyset (AEAD). */
    public static SigningSecrets parse(String json) {
        try {
            return new SigningSecrets(TinkJsonProtoKeysetFormat.parseKeyset(
                    json, RegistryConfiguration.get(), InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException | RuntimeException e) {
            // The cause may quote key material: say what is wrong without it.
            throw new IllegalStateException("The signing-secret keyset is not a valid Tink JSON AEAD keyset ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    public String serialize() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    keyset, RegistryConfiguration.get(), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot serialise the signing-secret keyset", e);
        }
    }

    /** A new secret in clear: shown once to the partner, then only kept sealed. */
    public String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The secret encrypted for storage (base64), bound to its subscription. */
    public String seal(String secret, String subscriptionId) {
        try {
            return Base64.getEncoder()
                    .encodeToString(
                            aead.encrypt(secret.getBytes(StandardCharsets.UTF_8), associatedData(subscriptionId)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a signing secret", e);
        }
    }

    /** The secret in clear, to sign with. */
    public String open(String sealed, String subscriptionId) {
        try {
            return new String(
                    aead.decrypt(Base64.getDecoder().decode(sealed), associatedData(subscriptionId)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Cannot open the signing secret of subscription " + subscriptionId + " (wrong keyset?)");
        }
    }

    private static byte[] associatedData(String subscriptionId) {
        return ("maillage-subscription-secret:" + subscriptionId).getBytes(StandardCharsets.UTF_8);
    }
}
