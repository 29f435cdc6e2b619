package wirewatch.local.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StandardWebhookSignatureTests {

    // The example of the Standard Webhooks specification, re-checked by hand with
    // `openssl dgst -sha256 -mac HMAC -macopt hexkey:<hex of the decoded secret> -binary | base64`.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void acceptsTheSpecificationsExample() {
        assertThat(StandardWebhookSignature.isValid(SECRET, ID, TIMESTAMP, BODY, SIGNATURE)).isTrue();
    }

    @Test
    void computesTheSpecificationsExampleSignature() {
        assertThat(StandardWebhookSignature.expectedSignature(SECRET, ID, TIMESTAMP, BODY))
                .isEqualTo("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void acceptsWhenOneOfSeveralSignaturesMatches() {
        String rotating = "v1,bm90IHRoZSByaWdodCBzaWduYXR1cmUgYXQgYWxsIQ== " + SIGNATURE;

        assertThat(StandardWebhookSignature.isValid(SECRET, ID, TIMESTAMP, BODY, rotating)).isTrue();
    }

    @Test
    void rejectsAChangedBody() {
        byte[] changed = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

        assertThat(StandardWebhookSignature.isValid(SECRET, ID, TIMESTAMP, changed, SIGNATURE)).isFalse();
    }

    @Test
    void rejectsAChangedIdOrTimestamp() {
        assertThat(StandardWebhookSignature.isValid(SECRET, "msg_other", TIMESTAMP, BODY, SIGNATURE)).isFalse();
        assertThat(StandardWebhookSignature.isValid(SECRET, ID, "1614265331", BODY, SIGNATURE)).isFalse();
    }

    @Test
    void rejectsAnotherSecret() {
        assertThat(StandardWebhookSignature.isValid("whsec_c2VjcmV0LW9mLXNvbWVvbmUtZWxzZQ==", ID, TIMESTAMP, BODY,
                SIGNATURE)).isFalse();
    }

    @Test
    void rejectsMissingHeadersUnknownVersionsAndGarbage() {
        assertThat(StandardWebhookSignature.isValid(SECRET, ID, TIMESTAMP, BODY, null)).isFalse();
        assertThat(StandardWebhookSignature.isValid(SECRET, null, TIMESTAMP, BODY, SIGNATURE)).isFalse();
        assertThat(StandardWebhookSignature.isValid(SECRET, ID, TIMESTAMP, BODY, SIGNATURE.replace("v1,", "v2,")))
                .isFalse();
        assertThat(StandardWebhookSignature.isValid(SECRET, ID, TIMESTAMP, BODY, "v1,%%%not-base64%%%")).isFalse();
    }
}
