package wirewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.JsonNode;
import wirewatch.events.Topics;

/**
 * Several alerts in one poll of the {@code notify} listener: it is stopped while they are written and started
 * again, so its first poll holds them all (one partition, fewer records than {@code max.poll.records}). Each
 * test has categories of its own, which no other test's subscriptions ask for: another test reads the whole topic
 * again.
 */
class AlertBatchIntegrationTests extends IntegrationTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** A record to write: its key, its value and the tracing headers an upstream producer would have set. */
    private record Written(String key, String value, Map<String, String> headers) {
    }

    private record Timed(long count, double seconds) {
    }

    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final List<String> subscriptions = new ArrayList<>();

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private MeterRegistry meters;

    @AfterEach
    void cleanUp() throws Exception {
        for (var id : subscriptions) {
            call("DELETE", "/api/subscriptions/" + id, null);
        }
        receiver.close();
    }

    @Test
    void sendsEachAlertOfAPollInItsOwnStorysTraceWithItsOwnIngestTime() throws Exception {
        var url = receiver.url(200, "traced");
        webhook(url, "BATCH_TRACED");
        var latencyBefore = latency();
        var firstTrace = "0af7651916cd43dd8448eb211c80319c";
        var secondTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        writeInOnePoll(
                traced(alert("traced-1", "cluster-traced-1", "BATCH_TRACED"), firstTrace,
                        now.minus(Duration.ofHours(1))),
                traced(alert("traced-2", "cluster-traced-2", "BATCH_TRACED"), secondTrace,
                        now.minus(Duration.ofHours(2))));

        var requests = await().atMost(PATIENCE).until(() -> receiver.receivedAt(url), found -> found.size() == 2);
        var traceByAlert = new HashMap<String, String>();
        requests.forEach(request -> traceByAlert.put(json.readTree(request.body()).path("data").path("id").asString(),
                request.header("traceparent").split("-")[1]));
        assertThat(traceByAlert).containsExactlyInAnyOrderEntriesOf(
                Map.of("traced-1", firstTrace, "traced-2", secondTrace));
        // Each delivery timed from its own story's ingest: one hour and two hours ago, plus the time taken.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(latency().count() - latencyBefore.count())
                .isEqualTo(2));
        assertThat(latency().seconds() - latencyBefore.seconds()).isBetween(3 * 3600.0, 3 * 3600.0 + 120);
    }

    @Test
    void sendsTheFirstOfTwoCopiesOfAClusterInOnePollAndSuppressesTheSecond() throws Exception {
        var url = receiver.url(200, "copies");
        var subscription = webhook(url, "BATCH_COPIES");

        writeInOnePoll(untraced(alert("copy-1", "cluster-copies", "BATCH_COPIES")),
                untraced(alert("copy-2", "cluster-copies", "BATCH_COPIES")));

        var history = await().atMost(PATIENCE).until(() -> deliveries(subscription),
                found -> found.size() == 2 && found.stream().noneMatch(
                        delivery -> delivery.path("status").asString().equals("pending")));
        var byAlert = new HashMap<String, JsonNode>();
        history.forEach(delivery -> byAlert.put(delivery.path("alertId").asString(), delivery));
        assertThat(byAlert.get("copy-1").path("status").asString()).isEqualTo("delivered");
        assertThat(byAlert.get("copy-2").path("status").asString()).isEqualTo("suppressed");
        assertThat(byAlert.get("copy-2").path("suppressedBy").path("alertId").asString()).isEqualTo("copy-1");
        assertThat(receiver.receivedAt(url)).extracting(request -> json.readTree(request.body()).path("data")
                .path("id").asString()).containsExactly("copy-1");
    }

    @Test
    void deadLettersAnUnreadableRecordAloneAndDeliversTheAlertsAroundIt() throws Exception {
        var url = receiver.url(200, "around-a-pill");
        webhook(url, "BATCH_PILL");

        writeInOnePoll(untraced(alert("before-pill", "cluster-before-pill", "BATCH_PILL")),
                new Written("batch-pill", "{not json", Map.of()),
                untraced(alert("after-pill", "cluster-after-pill", "BATCH_PILL")));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(receiver.receivedAt(url))
                .extracting(request -> json.readTree(request.body()).path("data").path("id").asString())
                .containsExactlyInAnyOrder("before-pill", "after-pill"));
        assertThat(deadLettersWithKey("batch-pill")).singleElement()
                .satisfies(value -> assertThat(value).isEqualTo("{not json"));
    }

    @Test
    void retriesAnAlertWhoseDispatchFailsThenDeadLettersItAndSendsItsNeighboursOnce() throws Exception {
        var url = receiver.url(200, "around-a-failure");
        webhook(url, "BATCH_FAILURE");
        // PostgreSQL stores no NUL character, so saving this alert fails every time, as with a database that is away.
        var failing = alert("failing", "cluster-failing", "BATCH_FAILURE").replace("Story of failing",
                "Story of \\u0000failing");

        writeInOnePoll(untraced(alert("before-failure", "cluster-before-failure", "BATCH_FAILURE")),
                new Written("failing-key", failing, Map.of()),
                untraced(alert("after-failure", "cluster-after-failure", "BATCH_FAILURE")));

        assertThat(deadLettersWithKey("failing-key")).singleElement()
                .satisfies(value -> assertThat(json.readTree(value).path("id").asString()).isEqualTo("failing"));
        // The records after the failing one were read again with it, each time: the ledger sent them once.
        assertThat(receiver.receivedAt(url))
                .extracting(request -> json.readTree(request.body()).path("data").path("id").asString())
                .containsExactlyInAnyOrder("before-failure", "after-failure");
    }

    @Test
    void sendsAnAlertOfAPollWhileAnotherWaitsForASlowReceiver() throws Exception {
        var slowUrl = receiver.scripted("slow", WebhookReceiver.Reply.hanging());
        webhook(slowUrl, "BATCH_SLOW");
        var fastUrl = receiver.url(200, "fast");
        webhook(fastUrl, "BATCH_FAST");

        writeInOnePoll(untraced(alert("to-slow", "cluster-to-slow", "BATCH_SLOW")),
                untraced(alert("to-fast", "cluster-to-fast", "BATCH_FAST")));

        var slow = await().atMost(PATIENCE).until(() -> receiver.receivedAt(slowUrl), found -> !found.isEmpty());
        var fast = await().atMost(PATIENCE).until(() -> receiver.receivedAt(fastUrl), found -> !found.isEmpty());
        // Read one at a time, the second alert would wait for the first one's request to time out (1 s here).
        assertThat(fast.getFirst().at()).isBefore(slow.getFirst().at().plusMillis(900));
    }

    @Test
    void sendsTheNextPollsAlertWhileAReceiverOfTheLastPollStillHangs() throws Exception {
        var hangingUrl = receiver.scripted("hangs-across-polls", WebhookReceiver.Reply.hanging());
        webhook(hangingUrl, "POLL_HANGING");
        var nextUrl = receiver.url(200, "next-poll");
        webhook(nextUrl, "POLL_NEXT");

        writeInOnePoll(untraced(alert("to-hanging", "cluster-to-hanging", "POLL_HANGING")));
        var hanging = await().atMost(PATIENCE).until(() -> receiver.receivedAt(hangingUrl), found -> !found.isEmpty());
        write(untraced(alert("next-poll", "cluster-next-poll", "POLL_NEXT")));

        var next = await().atMost(PATIENCE).until(() -> receiver.receivedAt(nextUrl), found -> !found.isEmpty());
        // Had the first poll waited for its receivers, the partition's next alert would have been read only once that
        // request timed out (1 s here).
        assertThat(next.getFirst().at()).isBefore(hanging.getFirst().at().plusMillis(900));
    }

    private JsonNode webhook(String url, String category) throws Exception {
        var created = subscribe(Map.of("channel", "webhook", "target", url, "categories", List.of(category),
                "mode", "instant"));
        subscriptions.add(created.path("id").asString());
        return created;
    }

    private String alert(String id, String cluster, String category) {
        var alert = json.createObjectNode();
        alert.put("id", id).put("storyId", "story-" + id).put("clusterId", cluster)
                .put("rulesetVersion", "sha256:0123").put("classifiedAt", "2030-01-01T00:00:00Z");
        alert.putObject("story").put("title", "Story of " + id).put("url", "https://example.com/" + id)
                .put("source", "example.com").put("publishedAt", "2030-01-01T00:00:00Z");
        alert.putArray("categories").add(category);
        var match = alert.putArray("matches").addObject().put("ruleId", "rule-" + category).put("category", category)
                .put("confidence", 0.8).put("stance", "DEMANDED");
        match.putArray("evidence").add("Evidence sentence of " + id + ".");
        return json.writeValueAsString(alert);
    }

    private static Written untraced(String alert) {
        return new Written("story-key", alert, Map.of());
    }

    /** As classify writes it: in the story's trace, with the story's ingest time in the baggage. */
    private static Written traced(String alert, String traceId, Instant ingestedAt) {
        return new Written("story-key", alert, Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01",
                "baggage", "wirewatch-ingested-at=" + ingestedAt));
    }

    private void writeInOnePoll(Written... records) throws Exception {
        var listener = listeners.getListenerContainer("notify");
        listener.stop();
        try {
            write(records);
        } finally {
            listener.start();
        }
    }

    private void write(Written... records) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (var written : records) {
                var record = new ProducerRecord<String, String>(Topics.ALERTS, written.key(), written.value());
                written.headers().forEach((name, value) -> record.headers().add(name,
                        value.getBytes(StandardCharsets.UTF_8)));
                producer.send(record).get();
            }
        }
    }

    /** What {@code wirewatch.notify.latency.ingested} has timed for webhooks so far. */
    private Timed latency() {
        var timer = meters.find("wirewatch.notify.latency.ingested").tag("channel", "webhook").timer();
        return timer == null ? new Timed(0, 0) : new Timed(timer.count(), timer.totalTime(TimeUnit.SECONDS));
    }

    private List<JsonNode> deliveries(JsonNode subscription) throws Exception {
        return getJson("/api/subscriptions/" + subscription.path("id").asString() + "/deliveries").values()
                .stream().toList();
    }

    private List<String> deadLettersWithKey(String key) {
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
                assertThat(deadLetters).anyMatch(record -> key.equals(record.key()));
            });
            return deadLetters.stream().filter(record -> key.equals(record.key()))
                    .map(record -> new String(record.value(), StandardCharsets.UTF_8)).toList();
        }
    }
}
