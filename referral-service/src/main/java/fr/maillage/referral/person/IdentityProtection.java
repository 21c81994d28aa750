package fr.maillage.referral.person;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encrypts an identity for storage and computes its blind index. The ciphertext is bound to its
 * personRef (AEAD associated data), so an encrypted identity copied onto another person's record does
 * not decrypt.
 */
public final class IdentityProtection {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PersonKeys keys;

    public IdentityProtection(PersonKeys keys) {
        this.keys = keys;
    }

    public byte[] encrypt(String personRef, Identity identity) {
        try {
            return keys.encrypt(JSON.writeValueAsBytes(identity), associatedData(personRef));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt the identity of person " + personRef, e);
        }
    }

    public Identity decrypt(String personRef, byte[] ciphertext) {
        try {
            return JSON.readValue(keys.decrypt(ciphertext, associatedData(personRef)), Identity.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt the identity of person " + personRef, e);
        }
    }

    /** Hex HMAC-SHA256 of the normalised names and birth date: equal for two spellings of one person. */
    public String blindIndex(Identity identity) {
        try {
            return HexFormat.of().formatHex(keys.blindIndex(IdentityNormalisation.blindIndexInput(identity)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute a blind index", e);
        }
    }

    private static byte[] associatedData(String personRef) {
        return ("maillage:person:" + personRef).getBytes(StandardCharsets.UTF_8);
    }
}
