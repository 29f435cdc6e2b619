package wirewatch.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The {@code webhook-signature} header of the Standard Webhooks specification, version 1 (HMAC-SHA256). */
final class WebhookSignature {

    private static final String SECRET_PREFIX = "whsec_";
    private static final String HMAC_SHA256 = "HmacSHA256";

    /**
     * Copied for each signature: {@code Mac.getInstance} looks the algorithm up among the security providers
     * again every time, which cost more than the HMAC itself; a copy keeps the provider chosen here.
     */
    private static final Mac PROTOTYPE = prototype();

    private WebhookSignature() {
    }

    /**
     * {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, keyed with the base64-decoded part of the
     * {@code whsec_} secret. The body is taken as the bytes that are sent, so it is neither copied nor encoded again
     * for each signature.
     */
    static String sign(String secret, String webhookId, long timestamp, byte[] body) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
        }
        var key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        try {
            var mac = (Mac) PROTOTYPE.clone();
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException("every Java runtime provides a copyable HmacSHA256", e);
        }
    }

    private static Mac prototype() {
        try {
            var mac = Mac.getInstance(HMAC_SHA256);
            // Choosing the provider needs a key; the copies are initialised again with their own.
            mac.init(new SecretKeySpec(new byte[32], HMAC_SHA256));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
        }
    }
}
