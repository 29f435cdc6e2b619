package wirewatch.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    // Computed outside Java:
    //   echo -n 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}' | openssl dgst -sha256 -mac HMAC \
    //     -macopt hexkey:$(echo -n MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw | base64 -d | xxd -p -c 100) -binary | base64
    // It is also the example of the Standard Webhooks specification.
    @Test
    void signsIdTimestampAndBodyWithTheDecodedSecret() {
        var signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signsANonAsciiBodyByItsUtf8Bytes() {
        // python3 -c 'import hmac,hashlib,base64; print(base64.b64encode(hmac.new(base64.b64decode(
        //   "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "id1.1700000000.{\"t\":\"Zoë\"}".encode(), hashlib.sha256).digest()))'
        var signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "id1", 1700000000L,
                "{\"t\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1,5Iee7tzE6r+1J3WWwFS778LcG1XXrc9wuJZeJ15z6MQ=");
    }

    @Test
    void refusesASecretWithoutItsPrefix() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                WebhookSignature.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "id", 1L, new byte[] {'{', '}'}));
    }
}
