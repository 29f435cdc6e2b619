package wirewatch.notify.subscription;

import java.security.SecureRandom;
import java.util.Base64;

/** Random capabilities: webhook signing secrets and the tokens in opt-in and unsubscribe links. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** A Standard Webhooks secret: {@code whsec_} and the base64 of 24 random bytes. */
    static String webhookSecret() {
        return "whsec_" + Base64.getEncoder().encodeToString(randomBytes(24));
    }

    /** 256 random bits that can stand in a URL query unescaped. */
    static String urlSafe() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    private static byte[] randomBytes(int count) {
        var bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
