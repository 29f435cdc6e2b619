package wirewatch.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Alert;
import wirewatch.events.CloudEvents;
import wirewatch.events.Stance;
import wirewatch.events.Topics;

/**
 * The whole pipeline on a real broker: stories written as plain JSON strings, the way an outside producer
 * would, and alerts read back as notify reads them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "wirewatch.api.key=integration-test-key"})
@EmbeddedKafka(partitions = 1, topics = Topics.STORIES)
class ClassifyIntegrationTests {

    @Autowired
    private Environment environment;

    @Autowired
    private JsonMapper json;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Test
    void alertsOnMatchingStoriesOnlyAndDeadLettersPoisonPillsWithoutBlockingThePartition() throws Exception {
        var seed = seedStory();
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.STORIES, "seed-1", storyJson("seed-1", seed[0], seed[1])));
            producer.send(new ProducerRecord<>(Topics.STORIES, "weather-1",
                    storyJson("weather-1", "Sunny weekend ahead", "Temperatures will reach 25C in Kyiv.")));
            producer.send(new ProducerRecord<>(Topics.STORIES, "pill-1", "{not json"));
            producer.send(new ProducerRecord<>(Topics.STORIES, "pill-2", "{\"url\": \"https://example.com/no-id\"}"));
            producer.send(new ProducerRecord<>(Topics.STORIES, "truce-1", storyJson("truce-1",
                    "Russia and Ukraine agree 30-day energy ceasefire", "Both sides agreed to stop strikes.")));
        }

        try (var consumer = consumer()) {
            consumer.subscribe(List.of(Topics.ALERTS, Topics.STORIES_DEAD_LETTER));
            var alerts = new ArrayList<ConsumerRecord<String, byte[]>>();
            var deadLetters = new ArrayList<ConsumerRecord<String, byte[]>>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                pollInto(consumer, Set.of("seed-1", "weather-1", "pill-1", "pill-2", "truce-1"), alerts, deadLetters);
                assertThat(alerts).extracting(ConsumerRecord::key).contains("seed-1", "truce-1");
                assertThat(deadLetters).extracting(ConsumerRecord::key).contains("pill-1", "pill-2");
            });

            // truce-1 was written after weather-1 on the same partition, so weather-1 has been classified too;
            // alerts are keyed by story, so they may sit on different partitions of the alerts topic, in any order
            assertThat(alerts).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("seed-1", "truce-1");
            var seedRecord = alerts.stream().filter(record -> record.key().equals("seed-1")).findFirst()
                    .orElseThrow();
            var alert = json.readValue(seedRecord.value(), Alert.class);
            assertThat(alert.storyId()).isEqualTo("seed-1");
            assertThat(alert.categories()).containsExactly("FROZEN_ASSETS", "NATO_NON_ENLARGEMENT", "NEUTRALITY",
                    "RUSSIAN_SPEAKERS", "SANCTIONS_RELIEF", "TERRITORY");
            assertThat(alert.matches()).allSatisfy(match -> {
                assertThat(match.evidence()).isNotEmpty();
                assertThat(match.stance()).isEqualTo(Stance.DEMANDED);
            });
            assertThat(alert.rulesetVersion()).startsWith("sha256:");
            assertThat(alert.story().url()).isEqualTo("https://example.com/seed-1");
            assertThat(header(seedRecord, CloudEvents.HEADER_TYPE)).isEqualTo(CloudEvents.ALERT_TYPE);
            assertThat(header(seedRecord, CloudEvents.HEADER_SOURCE)).isEqualTo("/wirewatch/classify");
            assertThat(header(seedRecord, CloudEvents.HEADER_ID)).isEqualTo(alert.id());
            assertThat(header(seedRecord, CloudEvents.HEADER_SPEC_VERSION)).isEqualTo("1.0");
            assertThat(header(seedRecord, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");

            assertThat(deadLetters).filteredOn(record -> record.key().equals("pill-1")).singleElement()
                    .satisfies(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                            .isEqualTo("{not json"));
        }
    }

    @Test
    void deadLettersAPoisonPillInTheMiddleOfABatchAloneAndPublishesItsNeighboursAlertsOnce() throws Exception {
        // One produce request (the producer lingers until flush), so the broker appends the five records together
        // and classify's consumer fetches them in one poll: one batch.
        try (var producer = producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 10_000))) {
            producer.send(new ProducerRecord<>(Topics.STORIES, "batch-truce", storyJson("batch-truce",
                    "Russia and Ukraine agree 30-day energy ceasefire", "Both sides agreed to stop strikes.")));
            producer.send(new ProducerRecord<>(Topics.STORIES, "batch-weather",
                    storyJson("batch-weather", "Sunny weekend ahead", "Temperatures will reach 25C in Kyiv.")));
            producer.send(new ProducerRecord<>(Topics.STORIES, "batch-pill", "[\"not a story\"]"));
            producer.send(new ProducerRecord<>(Topics.STORIES, "batch-untitled",
                    "{\"id\": \"batch-untitled\", \"body\": \"A story needs a title.\"}"));
            producer.send(new ProducerRecord<>(Topics.STORIES, "batch-truce-again", storyJson("batch-truce-again",
                    "Russia and Ukraine agree 30-day energy ceasefire", "Both sides agreed to stop strikes.")));
            producer.flush();
        }
        // Written after the batch on the same partition: once its alert is there, everything before it is done.
        try (var producer = producer(Map.of())) {
            producer.send(new ProducerRecord<>(Topics.STORIES, "batch-marker", storyJson("batch-marker",
                    "Russia and Ukraine agree 30-day energy ceasefire", "Both sides agreed to stop strikes.")));
        }

        var keys = Set.of("batch-truce", "batch-weather", "batch-pill", "batch-untitled", "batch-truce-again",
                "batch-marker");
        try (var consumer = consumer()) {
            consumer.subscribe(List.of(Topics.ALERTS, Topics.STORIES_DEAD_LETTER));
            var alerts = new ArrayList<ConsumerRecord<String, byte[]>>();
            var deadLetters = new ArrayList<ConsumerRecord<String, byte[]>>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                pollInto(consumer, keys, alerts, deadLetters);
                assertThat(alerts).extracting(ConsumerRecord::key).contains("batch-marker");
            });

            assertThat(alerts).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("batch-truce", "batch-truce-again", "batch-marker");
            assertThat(deadLetters).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("batch-pill", "batch-untitled");
            assertThat(deadLetters).filteredOn(record -> record.key().equals("batch-pill")).singleElement()
                    .satisfies(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                            .isEqualTo("[\"not a story\"]"));
        }
    }

    @Test
    void aStoryReadAgainAfterItsOffsetWasCommittedGivesAnAlertWithTheSameId() throws Exception {
        long offset;
        try (var producer = producer()) {
            offset = producer.send(new ProducerRecord<>(Topics.STORIES, "again-1", storyJson("again-1",
                    "Russia and Ukraine agree 30-day energy ceasefire", "Both sides agreed to stop strikes.")))
                    .get().offset();
        }
        try (var consumer = consumer()) {
            consumer.subscribe(List.of(Topics.ALERTS));
            var alerts = new ArrayList<ConsumerRecord<String, byte[]>>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                pollInto(consumer, Set.of("again-1"), alerts, new ArrayList<>());
                assertThat(alerts).hasSize(1);
            });

            // what a crash between the alert and the offset commit, or a rebalance, amounts to: the story is read again
            var container = listeners.getListenerContainer("classify");
            container.stop();
            try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()))) {
                admin.alterConsumerGroupOffsets("classify",
                        Map.of(new TopicPartition(Topics.STORIES, 0), new OffsetAndMetadata(offset))).all().get();
            }
            container.start();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                pollInto(consumer, Set.of("again-1"), alerts, new ArrayList<>());
                assertThat(alerts).hasSize(2);
            });
            var first = json.readValue(alerts.get(0).value(), Alert.class);
            var second = json.readValue(alerts.get(1).value(), Alert.class);
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(header(alerts.get(1), CloudEvents.HEADER_ID)).isEqualTo(first.id());
            assertThat(first.id()).isEqualTo(UUID.nameUUIDFromBytes(
                    ("again-1\n" + first.rulesetVersion()).getBytes(StandardCharsets.UTF_8)).toString());
        }
    }

    /**
     * Offsets are committed once a second (spring.kafka.listener.ack-time), not after every poll, so a story
     * classified within a second of the last commit is not committed yet; a stop must commit it, or every restart
     * would classify again the stories classified just before it. The first story's poll commits at once (the
     * last commit is older than a second); the second, read straight after, waits for the next commit.
     */
    @Test
    void commitsTheOffsetOfEveryStoryItClassifiedWhenItStops() throws Exception {
        var partition = new TopicPartition(Topics.STORIES, 0);
        long last = -1;
        try (var consumer = consumer()) {
            consumer.subscribe(List.of(Topics.ALERTS));
            var alerts = new ArrayList<ConsumerRecord<String, byte[]>>();
            for (var id : List.of("stop-1", "stop-2")) {
                try (var producer = producer()) {
                    last = producer.send(new ProducerRecord<>(Topics.STORIES, id, storyJson(id,
                            "Russia and Ukraine agree 30-day energy ceasefire", "Both sides agreed to stop strikes.")))
                            .get().offset();
                }
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    pollInto(consumer, Set.of(id), alerts, new ArrayList<>());
                    assertThat(alerts).extracting(ConsumerRecord::key).contains(id);
                });
            }
        }

        var container = listeners.getListenerContainer("classify");
        container.stop();
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()))) {
            var committed = admin.listConsumerGroupOffsets("classify").partitionsToOffsetAndMetadata().get()
                    .get(partition);
            assertThat(committed).extracting(OffsetAndMetadata::offset).isEqualTo(last + 1);
        } finally {
            container.start();
        }
    }

    @Test
    void aDeadLetterContinuesTheTraceOfTheStoryItHolds() throws Exception {
        var trace = new TraceContext("5c1e7a3b9d2f4e6a8b0c1d2e3f405162", "a1b2c3d4e5f60718");
        var pill = new ProducerRecord<>(Topics.STORIES, "traced-pill", "{not json");
        pill.headers().add("traceparent",
                ("00-" + trace.traceId() + "-" + trace.spanId() + "-01").getBytes(StandardCharsets.UTF_8));
        try (var producer = producer()) {
            producer.send(pill);
        }

        try (var consumer = consumer()) {
            consumer.subscribe(List.of(Topics.STORIES_DEAD_LETTER));
            var deadLetters = new ArrayList<ConsumerRecord<String, byte[]>>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                pollInto(consumer, Set.of("traced-pill"), new ArrayList<>(), deadLetters);
                assertThat(deadLetters).hasSize(1);
            });
            assertThat(header(deadLetters.getFirst(), "traceparent")).startsWith("00-" + trace.traceId() + "-");
        }
    }

    @Test
    void eachAlertContinuesTheTraceAndCarriesTheIngestTimeOfItsOwnStory() throws Exception {
        var first = new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");
        var second = new TraceContext("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331");
        try (var producer = producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 10_000))) {
            producer.send(tracedStory("traced-1", "2025-05-20T08:00:01Z", first));
            producer.send(tracedStory("traced-2", "2025-05-20T08:00:02Z", second));
            producer.flush();
        }

        try (var consumer = consumer()) {
            consumer.subscribe(List.of(Topics.ALERTS));
            var alerts = new ArrayList<ConsumerRecord<String, byte[]>>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                pollInto(consumer, Set.of("traced-1", "traced-2"), alerts, new ArrayList<>());
                assertThat(alerts).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("traced-1", "traced-2");
            });
            alerts.sort(Comparator.comparing(ConsumerRecord::key));

            assertThat(alerts.get(0)).satisfies(alert -> {
                assertThat(header(alert, "traceparent")).startsWith("00-" + first.traceId() + "-")
                        .doesNotContain(first.spanId());
                assertThat(header(alert, "baggage")).contains("wirewatch-ingested-at=2025-05-20T08:00:01Z");
            });
            assertThat(alerts.get(1)).satisfies(alert -> {
                assertThat(header(alert, "traceparent")).startsWith("00-" + second.traceId() + "-")
                        .doesNotContain(second.spanId());
                assertThat(header(alert, "baggage")).contains("wirewatch-ingested-at=2025-05-20T08:00:02Z");
            });
        }
        // the per-story observations are timed under the listener observation's own tags (not a per-poll timer)
        assertThat(meters.get("spring.kafka.listener").tag("spring.kafka.listener.id", "classify").timer().count())
                .isGreaterThanOrEqualTo(2);
    }

    private record TraceContext(String traceId, String spanId) {
    }

    private ProducerRecord<String, String> tracedStory(String id, String ingestedAt, TraceContext trace) {
        var story = json.writeValueAsString(Map.of(
                "id", id,
                "url", "https://example.com/" + id,
                "source", "example.com",
                "title", "Russia and Ukraine agree 30-day energy ceasefire",
                "body", "Both sides agreed to stop strikes.",
                "publishedAt", "2025-05-20T08:00:00Z",
                "ingestedAt", ingestedAt));
        var record = new ProducerRecord<>(Topics.STORIES, id, story);
        record.headers().add("traceparent",
                ("00-" + trace.traceId() + "-" + trace.spanId() + "-01").getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Alerts and dead letters of this test's stories only: the tests share the topics. */
    private static void pollInto(KafkaConsumer<String, byte[]> consumer, Set<String> keys,
            List<ConsumerRecord<String, byte[]>> alerts, List<ConsumerRecord<String, byte[]>> deadLetters) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
            if (keys.contains(record.key())) {
                (record.topic().equals(Topics.ALERTS) ? alerts : deadLetters).add(record);
            }
        });
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private String storyJson(String id, String title, String body) {
        return json.writeValueAsString(Map.of(
                "id", id,
                "url", "https://example.com/" + id,
                "source", "example.com",
                "title", title,
                "body", body,
                "publishedAt", "2025-05-20T08:00:00Z"));
    }

    private static String[] seedStory() throws Exception {
        try (var in = ClassifyIntegrationTests.class.getResourceAsStream("/putin-peace-terms.txt")) {
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int firstBreak = text.indexOf('\n');
            return new String[] {text.substring(0, firstBreak), text.substring(firstBreak + 1)};
        }
    }

    private KafkaProducer<String, String> producer() {
        return producer(Map.of());
    }

    private KafkaProducer<String, String> producer(Map<String, Object> overrides) {
        var config = new HashMap<String, Object>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        config.putAll(overrides);
        return new KafkaProducer<>(config);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    private String brokers() {
        return environment.getRequiredProperty("spring.embedded.kafka.brokers");
    }
}
