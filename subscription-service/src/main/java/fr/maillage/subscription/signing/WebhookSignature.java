package fr.maillage.subscription.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0 signatures: HMAC-SHA256, keyed with the base64-decoded bytes of a {@code whsec_…}
 * secret, over {@code <webhook-id>.<webhook-timestamp>.<body>}; the {@code webhook-signature} header is
 * {@code v1,<base64>}, one per secret, space separated (during a rotation's overlap both are sent).
 */
public final class WebhookSignature {

    public static final String SECRET_PREFIX = "whsec_";
    public static final String VERSION = "v1";

    private WebhookSignature() {}

    /** {@code v1,<base64 HMAC-SHA256>} of {@code id.timestamp.body} with one secret. */
    public static String sign(String secret, String webhookId, long timestampSeconds, byte[] body) {
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(body, "body");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((webhookId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return VERSION + "," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The {@code webhook-signature} header: one signature per secret, in order, space separated. */
    public static String header(List<String> secrets, String webhookId, long timestampSeconds, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one signing secret is needed");
        }
        return secrets.stream()
                .map(secret -> sign(secret, webhookId, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    /** Whether one of the header's {@code v1} signatures is the one {@code secret} gives (constant-time compare). */
    public static boolean verify(String secret, String webhookId, long timestampSeconds, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        byte[] expected = sign(secret, webhookId, timestampSeconds, body).getBytes(StandardCharsets.US_ASCII);
        boolean found = false;
        for (String candidate : header.trim().split(" +")) {
            found |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return found;
    }

    /** The HMAC key of a {@code whsec_<base64>} secret (a bare base64 secret is accepted too). */
    static byte[] key(String secret) {
        Objects.requireNonNull(secret, "secret");
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a signing secret is whsec_ followed by base64", e);
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("empty signing secret");
        }
        return key;
    }
}
