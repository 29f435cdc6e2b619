package wirewatch.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The {@code webhook-signature} header of the Standard Webhooks specification, version 1 (HMAC-SHA256). */
final class WebhookSignature {

    private static final String SECRET_PREFIX = "whsec_";

    private WebhookSignature() {
    }

    /**
     * {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, keyed with the base64-decoded part of the
     * {@code whsec_} secret.
     */
    static String sign(String secret, String webhookId, long timestamp, String body) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
        }
        var key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            var signed = webhookId + "." + timestamp + "." + body;
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
        }
    }
}
