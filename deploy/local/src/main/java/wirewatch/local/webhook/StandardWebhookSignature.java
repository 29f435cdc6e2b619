package wirewatch.local.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies {@code webhook-signature} as the Standard Webhooks specification defines it: a space-separated list of
 * {@code v1,<base64 HMAC-SHA256>} entries over {@code "<webhook-id>.<webhook-timestamp>.<body>"}, keyed with the
 * base64-decoded part of the secret after {@code whsec_}. One matching entry is enough (senders list several while
 * rotating secrets). The timestamp's age is not judged here: the page shows it and a person can.
 */
public final class StandardWebhookSignature {

    private static final String SECRET_PREFIX = "whsec_";
    private static final String VERSION = "v1,";

    private StandardWebhookSignature() {
    }

    public static boolean isValid(String secret, String webhookId, String webhookTimestamp, byte[] body,
                                  String signatureHeader) {
        if (secret == null || webhookId == null || webhookTimestamp == null || signatureHeader == null) {
            return false;
        }
        byte[] expected = sign(key(secret), webhookId, webhookTimestamp, body);
        for (String entry : signatureHeader.trim().split(" +")) {
            if (entry.startsWith(VERSION) && matches(expected, entry.substring(VERSION.length()))) {
                return true;
            }
        }
        return false;
    }

    /** The base64 signature a sender would put after {@code v1,}; for tests and for showing a mismatch. */
    public static String expectedSignature(String secret, String webhookId, String webhookTimestamp, byte[] body) {
        return Base64.getEncoder().encodeToString(sign(key(secret), webhookId, webhookTimestamp, body));
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    private static byte[] sign(byte[] key, String webhookId, String webhookTimestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((webhookId + "." + webhookTimestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean matches(byte[] expected, String base64) {
        try {
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
