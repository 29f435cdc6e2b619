package wirewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/subscriptions/{id}/secret} over HTTP, and what the next delivery carries. */
class SecretRotationIntegrationTests extends IntegrationTestSupport {

    private final WebhookReceiver receiver = WebhookReceiver.start();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void issuesANewSecretOnceAndSignsTheNextDeliveryWithBoth() throws Exception {
        var url = receiver.url(200, "rotated");
        var created = subscribe(Map.of("channel", "webhook", "target", url, "categories", List.of("CEASEFIRE"),
                "mode", "instant"));
        var id = created.get("id").asString();

        var response = call("POST", "/api/subscriptions/" + id + "/secret", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        var rotation = json.readTree(response.body());
        assertThat(rotation.get("secret").asString()).startsWith("whsec_")
                .isNotEqualTo(created.get("secret").asString());
        assertThat(Instant.parse(rotation.get("previousSecretsExpireAt").asString()))
                .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        assertThat(call("GET", "/api/subscriptions/" + id, null).body()).doesNotContain("whsec_");

        produce("rotation", """
                {"id": "alert-rotation", "storyId": "story-rotation", "clusterId": "cluster-rotation",
                 "story": {"title": "Ceasefire talks", "url": "https://example.com/rotation", "source": "example.com",
                           "publishedAt": "2026-11-20T08:00:00Z"},
                 "categories": ["CEASEFIRE"],
                 "matches": [{"ruleId": "ceasefire", "category": "CEASEFIRE", "confidence": 0.9,
                              "evidence": ["Both sides agreed a ceasefire."], "stance": "PROPOSED"}],
                 "rulesetVersion": "sha256:0123", "classifiedAt": "2026-11-20T08:01:00Z"}""");
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.receivedAt(url).size() == 1);
        assertThat(receiver.receivedAt(url).getFirst().header("webhook-signature")).matches("v1,\\S+ v1,\\S+");
    }

    @Test
    void answersNotFoundForAnUnknownSubscription() throws Exception {
        var response = call("POST", "/api/subscriptions/" + UUID.randomUUID() + "/secret", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void refusesToRotateAnEmailSubscription() throws Exception {
        var id = subscribe(Map.of("channel", "email", "target", "rotation@example.org",
                "categories", List.of("CEASEFIRE"), "mode", "instant")).get("id").asString();

        var response = call("POST", "/api/subscriptions/" + id + "/secret", null);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json.readTree(response.body()).get("detail").asString())
                .isEqualTo("subscription " + id + " is an email subscription; only webhook subscriptions have a "
                        + "signing secret to rotate");
    }

    @Test
    void refusesToRotateWithoutTheApiKey() throws Exception {
        var id = subscribe(Map.of("channel", "webhook", "target", receiver.url(200, "keyless"),
                "categories", List.of("CEASEFIRE"), "mode", "instant")).get("id").asString();

        assertThat(call("POST", "/api/subscriptions/" + id + "/secret", null, null).statusCode()).isEqualTo(401);
    }
}
