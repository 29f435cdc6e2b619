package wirewatch.e2e;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiver's side of the Standard Webhooks specification, written from the specification and independently of
 * notify's signer, so the two cannot share a mistake.
 */
final class StandardWebhooksVerifier {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;

    StandardWebhooksVerifier(String secret) {
        if (!secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("A Standard Webhooks secret starts with whsec_: " + secret);
        }
        key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    /** True when one of the space-separated {@code v1,<base64>} signatures is ours and the timestamp is fresh. */
    boolean verify(String id, String timestamp, String signatureHeader, String body, Instant now) {
        if (id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(sent, now).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        byte[] expected = hmac(id + "." + timestamp + "." + body);
        for (String candidate : signatureHeader.split(" ")) {
            if (candidate.startsWith("v1,")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    private byte[] hmac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
