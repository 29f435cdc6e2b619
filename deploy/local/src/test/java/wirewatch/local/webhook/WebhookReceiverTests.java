package wirewatch.local.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import wirewatch.local.web.LocalWebServer;

class WebhookReceiverTests {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private final HttpClient http = HttpClient.newHttpClient();
    private final WebhookReceiver receiver = new WebhookReceiver().secret("demo", SECRET);
    private LocalWebServer server;

    @BeforeEach
    void start() {
        server = LocalWebServer.start(0).route("/webhooks", receiver);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void recordsASignedDeliveryAndAnswers204() throws Exception {
        HttpResponse<String> response = post("/webhooks/demo", BODY, SIGNATURE);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(receiver.received()).singleElement().satisfies(webhook -> {
            assertThat(webhook.endpoint()).isEqualTo("demo");
            assertThat(webhook.webhookId()).contains("msg_p5jXN8AQM9LWM0D4loKWxJek");
            assertThat(webhook.bodyText()).isEqualTo(BODY);
            assertThat(webhook.signature()).isEqualTo(ReceivedWebhook.Signature.VALID);
        });
    }

    @Test
    void marksAWrongSignatureInvalidAndStillRecordsIt() throws Exception {
        post("/webhooks/demo", "{\"test\": 1}", SIGNATURE);

        assertThat(receiver.received("demo")).singleElement()
                .extracting(ReceivedWebhook::signature).isEqualTo(ReceivedWebhook.Signature.INVALID);
    }

    @Test
    void doesNotJudgeSignaturesOfAnEndpointWithoutSecret() throws Exception {
        post("/webhooks/other", BODY, SIGNATURE);

        assertThat(receiver.received("other")).singleElement()
                .extracting(ReceivedWebhook::signature).isEqualTo(ReceivedWebhook.Signature.NO_SECRET);
    }

    @Test
    void answersTheStatusATestAskedFor() throws Exception {
        receiver.respondWith("gone", 410);

        assertThat(post("/webhooks/gone", BODY, SIGNATURE).statusCode()).isEqualTo(410);
        assertThat(receiver.received("gone")).hasSize(1);
    }

    @Test
    void showsDeliveriesWithTheirCheckAndEscapesTheBody() throws Exception {
        post("/webhooks/demo", BODY, SIGNATURE);
        post("/webhooks/demo", "{\"title\": \"<script>alert(1)</script>\"}", SIGNATURE);

        String page = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/webhooks/demo")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(page).contains("msg_p5jXN8AQM9LWM0D4loKWxJek", "✓ valid", "✗ invalid")
                .contains("&quot;test&quot; : 2432232314")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
        assertThat(page.indexOf("✗ invalid")).as("newest first").isLessThan(page.indexOf("✓ valid"));
    }

    private HttpResponse<String> post(String path, String body, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek")
                .header("webhook-timestamp", "1614265330")
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
