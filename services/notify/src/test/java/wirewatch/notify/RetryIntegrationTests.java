package wirewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import wirewatch.notify.WebhookReceiver.Reply;

/**
 * Retries through the retry topics, dead letters, replay and the disabling of failing endpoints, against real
 * HTTP receivers. The shared context retries after 200, 400 and 600 ms (4 attempts) and times out after 1 s.
 */
class RetryIntegrationTests extends IntegrationTestSupport {

    private static final String DEAD_LETTER_TOPIC = "notify.deliveries.dlt";
    // Generous: on a loaded machine a chain of four attempts and three retry-partition pauses takes many times
    // longer than on a quiet one. Awaitility still polls every 100 ms, so a quick pass stays quick.
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final List<String> subscriptions = new ArrayList<>();

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private MeterRegistry meters;

    // Deleted, so later tests' alerts do not reach them.
    @AfterEach
    void cleanUp() throws Exception {
        for (var id : subscriptions) {
            call("DELETE", "/api/subscriptions/" + id, null);
        }
        receiver.close();
    }

    @Test
    void retriesAFailingReceiverUntilItAnswersUnderTheSameWebhookId() throws Exception {
        var url = receiver.scripted("flaky", Reply.status(503), Reply.status(503));
        var subscription = webhook(url);

        produceAlert("alert-flaky");

        var delivery = awaitStatus(subscription, "delivered");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.path("lastError").isNull()).isTrue();
        assertThat(delivery.path("nextAttemptAt").isNull()).isTrue();
        var requests = receiver.receivedAt(url);
        assertThat(requests).hasSize(3).allSatisfy(request -> {
            assertThat(request.header("webhook-id")).isEqualTo(delivery.path("id").asString());
            // each attempt is signed afresh over its own timestamp
            assertThat(request.header("webhook-signature")).isEqualTo("v1," + hmacSha256(
                    subscription.path("secret").asString(),
                    request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body()));
        });
        assertThat(requests).extracting(WebhookReceiver.Received::body).containsOnly(requests.getFirst().body());
        // the retries waited about the configured 200 and 400 ms, give or take 20 % jitter
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(ms(160));
        assertThat(Duration.between(requests.get(1).at(), requests.get(2).at())).isGreaterThanOrEqualTo(ms(320));
    }

    /**
     * {@code Retry-After: 1} asks for a second, which this context caps at its longest delay, 600 ms; the schedule
     * alone would retry after 160..240 ms. Notify takes the wait from when the answer came, which is after the
     * receiver took the request, and makes the attempt no earlier, so the two requests are at least 600 ms apart
     * however fast or slow the machine is; a busy machine only adds to the wait. (This asserted 1 s before, which
     * held only because the retry consumer notices a paused partition's resume at its next poll, often a few hundred
     * ms late: 1.19 s measured on a quiet machine. When it read the record already due, as on a loaded machine, or
     * the resume fell early in its poll, the gap was 0.6 to 1 s, and the test failed while notify was right.)
     */
    @Test
    void waitsAsLongAsRetryAfterAsksBeforeTheNextAttempt() throws Exception {
        var url = receiver.scripted("busy", Reply.retryAfter(429, "1"));
        var subscription = webhook(url);

        produceAlert("alert-busy");

        var delivery = awaitStatus(subscription, "delivered");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
        var requests = receiver.receivedAt(url);
        assertThat(requests).hasSize(2);
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(ms(600));
    }

    @Test
    void deadLettersAReceiverThatNeverAnswersWhileAHealthyOneGetsTheAlertAtOnce() throws Exception {
        var hangingUrl = receiver.scripted("hanging", Reply.hanging(), Reply.hanging(), Reply.hanging(), Reply.hanging());
        var hanging = webhook(hangingUrl);
        var healthyUrl = receiver.url(200, "healthy");
        var healthy = webhook(healthyUrl);

        produceAlert("alert-hanging");

        var dead = awaitStatus(hanging, "failed");
        assertThat(dead.path("attempts").asInt()).isEqualTo(4);
        assertThat(dead.path("lastError").asString()).isEqualTo("no answer within 1000 ms");
        assertThat(receiver.receivedAt(hangingUrl)).hasSize(4)
                .extracting(request -> request.header("webhook-id")).containsOnly(dead.path("id").asString());
        // the healthy receiver had its alert before the hanging one's first attempt had even timed out
        var firstHang = receiver.receivedAt(hangingUrl).getFirst().at();
        assertThat(receiver.receivedAt(healthyUrl)).singleElement()
                .satisfies(request -> assertThat(request.at()).isBefore(firstHang.plusSeconds(1)));
        assertThat(deliveries(healthy).getFirst().path("attempts").asInt()).isEqualTo(1);

        var deadLetter = json.readTree(awaitDeadLetter(hanging.path("id").asString()).value());
        assertThat(deadLetter.path("deliveryId").asString()).isEqualTo(dead.path("id").asString());
        assertThat(deadLetter.path("alertId").asString()).isEqualTo("alert-hanging");
        assertThat(deadLetter.path("channel").asString()).isEqualTo("webhook");
        assertThat(deadLetter.path("attempts").asInt()).isEqualTo(4);
        assertThat(deadLetter.path("lastError").asString()).isEqualTo("no answer within 1000 ms");
    }

    @Test
    void replaysADeadLetteredDeliveryUnderTheSameWebhookId() throws Exception {
        var url = receiver.scripted("down-for-a-while",
                Reply.status(500), Reply.status(502), Reply.status(503), Reply.status(504));
        var subscription = webhook(url);
        produceAlert("alert-replayed");
        var dead = awaitStatus(subscription, "failed");
        assertThat(dead.path("lastError").asString()).isEqualTo("the receiver answered HTTP 504");

        var replay = call("POST", "/api/deliveries/" + dead.path("id").asString() + "/replay", null);

        assertThat(replay.statusCode()).isEqualTo(202);
        var accepted = json.readTree(replay.body());
        assertThat(accepted.path("id").asString()).isEqualTo(dead.path("id").asString());
        assertThat(accepted.path("status").asString()).isEqualTo("retrying");
        var delivered = awaitStatus(subscription, "delivered");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(5);
        assertThat(receiver.receivedAt(url)).hasSize(5)
                .extracting(request -> request.header("webhook-id")).containsOnly(dead.path("id").asString());

        var again = call("POST", "/api/deliveries/" + dead.path("id").asString() + "/replay", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(again.body()).path("detail").asString()).contains("was delivered");
        var unknown = call("POST", "/api/deliveries/" + UUID.randomUUID() + "/replay", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void replaysEveryFailedDeliveryOfASubscriptionSinceATime() throws Exception {
        var before = Instant.now().minusSeconds(1);
        var url = receiver.scripted("outage", Reply.status(503), Reply.status(503), Reply.status(503),
                Reply.status(503), Reply.status(503), Reply.status(503), Reply.status(503), Reply.status(503));
        var subscription = webhook(url);
        produceAlert("alert-outage-1");
        produceAlert("alert-outage-2");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveries(subscription))
                .hasSize(2).allSatisfy(delivery -> assertThat(delivery.path("status").asString()).isEqualTo("failed")));
        var path = "/api/subscriptions/" + subscription.path("id").asString() + "/replay?since=";

        var none = call("POST", path + Instant.now().plusSeconds(60), null);
        var all = call("POST", path + before, null);

        assertThat(none.statusCode()).isEqualTo(202);
        assertThat(json.readTree(none.body()).path("replayed").asInt()).isZero();
        assertThat(all.statusCode()).isEqualTo(202);
        assertThat(json.readTree(all.body()).path("replayed").asInt()).isEqualTo(2);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deliveries(subscription))
                .allSatisfy(delivery -> {
                    assertThat(delivery.path("status").asString()).isEqualTo("delivered");
                    assertThat(delivery.path("attempts").asInt()).isEqualTo(5);
                }));
        var invalid = call("POST", path + "yesterday", null);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json.readTree(invalid.body()).path("field").asString()).isEqualTo("since");
    }

    @Test
    void disablesAnEndpointThatHasFailedEveryDeliveryForLongerThanAllowed() throws Exception {
        var url = receiver.url(503, "failing-for-days");
        var subscription = webhook(url);
        var id = UUID.fromString(subscription.path("id").asString());
        // Its deliveries have failed since two minutes ago; the test context allows one.
        jdbc.sql("update subscriptions set failing_since = now() - interval '2 minutes' where id = ?").param(id)
                .update();
        var disabledBefore = disabledForFailing();

        produceAlert("alert-to-a-failing-endpoint");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                getJson("/api/subscriptions/" + id).path("status").asString()).isEqualTo("disabled"));
        assertThat(jdbc.sql("select disabled_reason from subscriptions where id = ?").param(id)
                .query(String.class).single()).startsWith("failing: every delivery failed since");
        assertThat(disabledForFailing() - disabledBefore).isEqualTo(1);
        // the retry already scheduled is not sent to a disabled subscription
        var delivery = awaitStatus(subscription, "failed");
        assertThat(delivery.path("lastError").asString()).isEqualTo("not sent: the subscription is disabled");
        assertThat(receiver.receivedAt(url)).hasSize(1);
    }

    @Test
    void keepsAnEndpointThatRecoversBeforeTheFailingPeriodEnds() throws Exception {
        var subscription = webhook(receiver.url(200, "recovered"));
        var id = UUID.fromString(subscription.path("id").asString());
        jdbc.sql("update subscriptions set failing_since = now() - interval '30 seconds' where id = ?").param(id)
                .update();

        produceAlert("alert-to-a-recovered-endpoint");

        awaitStatus(subscription, "delivered");
        assertThat(getJson("/api/subscriptions/" + id).path("status").asString()).isEqualTo("active");
        assertThat(jdbc.sql("select failing_since from subscriptions where id = ?").param(id)
                .query(Instant.class).optional()).isEmpty();
    }

    private JsonNode webhook(String url) throws Exception {
        var created = subscribe(Map.of("channel", "webhook", "target", url, "categories", List.of("FROZEN_ASSETS"),
                "mode", "instant"));
        subscriptions.add(created.path("id").asString());
        return created;
    }

    private void produceAlert(String id) throws Exception {
        produce("story-" + id, """
                {"id": "%s", "storyId": "story-%s", "clusterId": "cluster-%s",
                 "story": {"title": "Moscow wants its frozen assets back", "url": "https://example.com/%s",
                           "source": "example.com", "publishedAt": "2025-05-20T08:00:00Z"},
                 "categories": ["FROZEN_ASSETS"],
                 "matches": [{"ruleId": "assets-return", "category": "FROZEN_ASSETS", "confidence": 0.9,
                              "evidence": ["A resolution to the issue of frozen Russian assets held in the West."],
                              "stance": "DEMANDED"}],
                 "rulesetVersion": "sha256:0123", "classifiedAt": "2025-05-20T08:01:00Z"}"""
                .formatted(id, id, id, id));
    }

    private List<JsonNode> deliveries(JsonNode subscription) throws Exception {
        return getJson("/api/subscriptions/" + subscription.path("id").asString() + "/deliveries").values()
                .stream().toList();
    }

    /** The subscription's only delivery, once it has {@code status}. */
    private JsonNode awaitStatus(JsonNode subscription, String status) {
        return await().atMost(PATIENCE).until(() -> {
            var found = deliveries(subscription);
            return found.size() == 1 && found.getFirst().path("status").asString().equals(status)
                    ? found.getFirst() : null;
        }, delivery -> delivery != null);
    }

    private ConsumerRecord<String, String> awaitDeadLetter(String subscriptionId) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(DEAD_LETTER_TOPIC));
            var deadLetters = new ArrayList<ConsumerRecord<String, String>>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(deadLetters::add);
                assertThat(deadLetters).anyMatch(record -> subscriptionId.equals(record.key()));
            });
            var found = deadLetters.stream().filter(record -> subscriptionId.equals(record.key())).toList();
            assertThat(found).singleElement().satisfies(record -> assertThat(new String(
                    record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("wirewatch.notify.delivery-dead-letter.v1"));
            return found.getFirst();
        }
    }

    private double disabledForFailing() {
        var counter = meters.find("wirewatch.notify.subscriptions.disabled").tag("reason", "failing").counter();
        return counter == null ? 0 : counter.count();
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    // Written apart from notify's signer, so a mistake there cannot hide in here.
    private static String hmacSha256(String secret, String content) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.replaceFirst("^whsec_", "")), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
