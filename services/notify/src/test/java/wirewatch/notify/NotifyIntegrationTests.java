package wirewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.JsonNode;
import wirewatch.events.Topics;

/**
 * Alerts written to {@code news.alerts.v1} as plain JSON strings, the way classify or any outside producer
 * writes them, delivered to real webhook receivers and a real SMTP server.
 */
class NotifyIntegrationTests extends IntegrationTestSupport {

    private static final String ALERT = """
            {"id": "alert-seed-1", "storyId": "story-seed-1", "clusterId": "cluster-seed-1",
             "story": {"title": "Putin sets out his terms for peace", "url": "https://example.com/putin-terms",
                       "source": "example.com", "publishedAt": "2025-05-20T08:00:00Z"},
             "categories": ["SANCTIONS_RELIEF", "TERRITORY"],
             "matches": [
               {"ruleId": "sanctions-lift", "category": "SANCTIONS_RELIEF", "confidence": 0.8,
                "evidence": ["The lifting of some Western sanctions against Russia."], "stance": "DEMANDED"},
               {"ruleId": "territory-regions", "category": "TERRITORY", "confidence": 0.6,
                "evidence": ["He insists on controlling all four eastern Ukrainian regions."], "stance": "DEMANDED"}],
             "rulesetVersion": "sha256:0123", "classifiedAt": "2025-05-20T08:01:00Z"}""";

    private static final TopicPartition ALERTS = new TopicPartition(Topics.ALERTS, 0);
    // Generous: on a loaded 2-core machine a retry chain, a confirmation mail or a consumer group's join takes many
    // times longer than on a quiet one. Awaitility still polls every 100 ms, so a quick pass stays quick.
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final List<String> subscriptions = new ArrayList<>();

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private JdbcClient jdbc;

    // Other test classes share the context and its meters, so this test counts from what it found.
    private final Map<String, Double> countedBefore = new HashMap<>();

    /**
     * Counts from a quiet service: an alert another test class produced and notify has not read yet, or a retry it
     * has not made yet, would otherwise land in this test's counts (and does, on a loaded machine).
     */
    @BeforeEach
    void noteCountsOnceQuiet() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(committedOffset()).isEqualTo(endOffset());
            assertThat(jdbc.sql("select count(*) from deliveries where status in ('pending', 'retrying')")
                    .query(Integer.class).single()).isZero();
        });
        meters.getMeters().forEach(meter -> countedBefore.put(key(meter.getId()), count(meter)));
    }

    // Deleted, so later tests' alerts do not reach them.
    @AfterEach
    void cleanUp() throws Exception {
        for (var id : subscriptions) {
            call("DELETE", "/api/subscriptions/" + id, null);
        }
        receiver.close();
    }

    @Test
    void deliversAnAlertOnceToEachSubscriptionItReachesWhateverTheOthersDo() throws Exception {
        var okUrl = receiver.url(200, "ok");
        var ok = webhook(okUrl, List.of("SANCTIONS_RELIEF"), 0);
        var failingUrl = receiver.url(500, "failing");
        var failing = webhook(failingUrl, List.of("SANCTIONS_RELIEF"), 0);
        var goneUrl = receiver.url(410, "gone");
        var gone = webhook(goneUrl, List.of("TERRITORY"), 0);
        var otherCategoryUrl = receiver.url(200, "other-category");
        webhook(otherCategoryUrl, List.of("CEASEFIRE"), 0);
        var tooUnsureUrl = receiver.url(200, "too-unsure");
        webhook(tooUnsureUrl, List.of("SANCTIONS_RELIEF", "TERRITORY"), 0.9);
        var reader = "reader@kafka.example.org";
        subscriptions.add(subscribe(Map.of("channel", "email", "target", reader,
                "categories", List.of("TERRITORY", "NEUTRALITY"), "mode", "instant")).path("id").asString());
        assertThat(call("GET", "/confirm?token=" + confirmationToken(reader), null, null).statusCode())
                .isEqualTo(200);

        produce("story-seed-1", ALERT);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(receiver.receivedAt(okUrl)).hasSize(1);
            // the receiver records a request before it answers, so the ledger may not know yet
            assertThat(deliveries(ok)).singleElement()
                    .satisfies(delivery -> assertThat(delivery.path("status").asString()).isEqualTo("delivered"));
            assertThat(alertMailsTo(reader)).hasSize(1);
            assertThat(getJson("/api/subscriptions/" + gone.path("id").asString()).path("status").asString())
                    .isEqualTo("disabled");
            assertThat(deliveries(failing)).singleElement()
                    .satisfies(delivery -> assertThat(delivery.path("status").asString()).isEqualTo("failed"));
        });

        var request = receiver.receivedAt(okUrl).getFirst();
        var delivery = deliveries(ok).getFirst();
        assertThat(delivery.path("status").asString()).isEqualTo("delivered");
        assertThat(delivery.path("alertId").asString()).isEqualTo("alert-seed-1");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
        assertThat(request.header("webhook-id")).isEqualTo(delivery.path("id").asString());
        assertThat(request.header("content-type")).isEqualTo("application/json");
        assertThat(request.header("user-agent")).startsWith("Wirewatch-Webhooks/");
        assertThat(Long.parseLong(request.header("webhook-timestamp")))
                .isCloseTo(Instant.now().getEpochSecond(), Offset.offset(60L));
        assertThat(request.header("webhook-signature")).isEqualTo("v1," + hmacSha256(ok.path("secret").asString(),
                request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body()));
        var event = json.readTree(request.body());
        assertThat(event.path("type").asString()).isEqualTo("alert.created");
        assertThat(event.path("timestamp").asString()).isEqualTo("2025-05-20T08:01:00Z");
        assertThat(event.path("data").path("id").asString()).isEqualTo("alert-seed-1");
        assertThat(event.path("data").path("story").path("title").asString())
                .isEqualTo("Putin sets out his terms for peace");
        assertThat(event.path("data").path("matches").size()).isEqualTo(2);
        assertThat(event.path("data").path("subscriptionId").asString()).isEqualTo(ok.path("id").asString());

        var mail = alertMailsTo(reader).getFirst();
        assertThat(mail.getSubject()).isEqualTo("[Wirewatch] TERRITORY: Putin sets out his terms for peace");
        var parts = (MimeMultipart) mail.getContent();
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(mail.getHeader("List-Unsubscribe", null)).startsWith("<https://notify.example.org/unsubscribe?token=");

        assertThat(getJson("/api/subscriptions/" + gone.path("id").asString()).path("disabledReason").asString())
                .isEqualTo("gone: the receiver answered 410 Gone");
        var goneDelivery = deliveries(gone).getFirst();
        assertThat(goneDelivery.path("status").asString()).isEqualTo("failed");
        assertThat(goneDelivery.path("lastError").asString()).contains("410 Gone");
        assertThat(deliveries(failing).getFirst().path("lastError").asString()).contains("HTTP 500");

        // The same record again, then a poison pill behind it on the one partition: once the pill is dead-lettered,
        // the repeated alert has been processed too.
        produce("story-seed-1", ALERT);
        produce("pill", "{not json");
        awaitDeadLetters("pill", 1);

        assertThat(receiver.receivedAt(okUrl)).hasSize(1);
        assertThat(alertMailsTo(reader)).hasSize(1);
        assertThat(receiver.receivedAt(goneUrl)).hasSize(1);
        assertThat(receiver.receivedAt(otherCategoryUrl)).isEmpty();
        assertThat(receiver.receivedAt(tooUnsureUrl)).isEmpty();
        // a failing delivery was retried through the retry topics, under the same id, until it was dead-lettered;
        // reading its alert again does not start it over (a replay does)
        assertThat(receiver.receivedAt(failingUrl)).hasSize(4)
                .extracting(received -> received.header("webhook-id")).containsOnly(
                        deliveries(failing).getFirst().path("id").asString());
        assertThat(deliveries(failing)).singleElement()
                .satisfies(retried -> assertThat(retried.path("attempts").asInt()).isEqualTo(4));

        assertThat(counted(meters.get("wirewatch.notify.alerts").counter())).isEqualTo(2);
        assertThat(deliveryCount("webhook", "delivered")).isEqualTo(1);
        assertThat(deliveryCount("webhook", "retried")).isEqualTo(3);
        assertThat(deliveryCount("webhook", "dead_lettered")).isEqualTo(1);
        assertThat(deliveryCount("webhook", "gone")).isEqualTo(1);
        // ok and failing, on the second reading; gone was disabled before the alert came again
        assertThat(deliveryCount("webhook", "skipped_duplicate")).isEqualTo(2);
        assertThat(deliveryCount("email", "delivered")).isEqualTo(1);
        assertThat(deliveryCount("email", "skipped_duplicate")).isEqualTo(1);
        assertThat(counted(meters.get("wirewatch.notify.send").tag("channel", "webhook").timer())).isEqualTo(6);
        assertThat(counted(meters.get("wirewatch.notify.subscriptions.disabled").tag("reason", "gone").counter()))
                .isEqualTo(1);

        // A replay from offset 0, as after a lost commit or an operator's reset: still nothing delivered twice.
        var listener = listeners.getListenerContainer("notify");
        listener.stop();
        try (var admin = admin()) {
            // The broker refuses to move the offsets of a group that still has members; leaving takes a moment.
            await().atMost(PATIENCE).until(() -> admin.describeConsumerGroups(List.of("notify")).all().get()
                    .get("notify").groupState() == GroupState.EMPTY);
            admin.alterConsumerGroupOffsets("notify", Map.of(ALERTS, new OffsetAndMetadata(0))).all().get();
        }
        listener.start();
        awaitDeadLetters("pill", 2);

        assertThat(receiver.receivedAt(okUrl)).hasSize(1);
        assertThat(alertMailsTo(reader)).hasSize(1);
        assertThat(receiver.receivedAt(goneUrl)).hasSize(1);
        assertThat(receiver.receivedAt(failingUrl)).hasSize(4);
    }

    private double deliveryCount(String channel, String outcome) {
        return counted(meters.get("wirewatch.notify.deliveries").tag("channel", channel).tag("outcome", outcome)
                .counter());
    }

    private double counted(Meter meter) {
        return count(meter) - countedBefore.getOrDefault(key(meter.getId()), 0.0);
    }

    private static double count(Meter meter) {
        return switch (meter) {
            case Counter counter -> counter.count();
            case Timer timer -> timer.count();
            default -> 0;
        };
    }

    private static String key(Meter.Id id) {
        return id.getName() + id.getTags();
    }

    private JsonNode webhook(String url, List<String> categories, double minConfidence) throws Exception {
        var created = subscribe(Map.of("channel", "webhook", "target", url, "categories", categories,
                "minConfidence", minConfidence, "mode", "instant"));
        subscriptions.add(created.path("id").asString());
        return created;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()));
    }

    /** Where the notify group has read {@code news.alerts.v1} to; 0 before it has committed anything. */
    private long committedOffset() throws Exception {
        try (var admin = admin()) {
            var committed = admin.listConsumerGroupOffsets("notify").partitionsToOffsetAndMetadata().get()
                    .get(ALERTS);
            return committed == null ? 0 : committed.offset();
        }
    }

    private long endOffset() throws Exception {
        try (var admin = admin()) {
            return admin.listOffsets(Map.of(ALERTS, OffsetSpec.latest())).partitionResult(ALERTS).get().offset();
        }
    }

    private List<JsonNode> deliveries(JsonNode subscription) throws Exception {
        return getJson("/api/subscriptions/" + subscription.path("id").asString() + "/deliveries").values()
                .stream().toList();
    }

    private static List<MimeMessage> alertMailsTo(String address) {
        return mailTo(address).stream().filter(message -> {
            try {
                return !message.getSubject().contains("Please confirm");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    // Written apart from notify's signer, so a mistake there cannot hide in here.
    private static String hmacSha256(String secret, String content) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.replaceFirst("^whsec_", "")), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    private void awaitDeadLetters(String key, int count) {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.ALERTS_DEAD_LETTER));
            var deadLetters = new ArrayList<ConsumerRecord<String, byte[]>>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(deadLetters::add);
                assertThat(deadLetters).filteredOn(record -> record.key().equals(key)).hasSize(count);
            });
            assertThat(deadLetters).filteredOn(record -> record.key().equals(key))
                    .allSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                            .isEqualTo("{not json"));
        }
    }
}
