package wirewatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StandardWebhooksVerifierTests {

    // The example of the Standard Webhooks specification, re-computed by hand with openssl.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Instant SENT = Instant.ofEpochSecond(1614265330);

    private final StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(SECRET);

    @Test
    void acceptsTheSpecificationsExample() {
        assertThat(verifier.verify(ID, TIMESTAMP, SIGNATURE, BODY, SENT.plusSeconds(30))).isTrue();
    }

    @Test
    void acceptsTheRightSignatureAmongSeveral() {
        assertThat(verifier.verify(ID, TIMESTAMP, "v1,AAAA " + SIGNATURE, BODY, SENT)).isTrue();
    }

    @Test
    void rejectsATamperedBodyOrId() {
        assertThat(verifier.verify(ID, TIMESTAMP, SIGNATURE, "{\"test\": 2432232315}", SENT)).isFalse();
        assertThat(verifier.verify("msg_other", TIMESTAMP, SIGNATURE, BODY, SENT)).isFalse();
    }

    @Test
    void rejectsAStaleTimestamp() {
        assertThat(verifier.verify(ID, TIMESTAMP, SIGNATURE, BODY, SENT.plusSeconds(600))).isFalse();
    }
}
