package wirewatch.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Alert;
import wirewatch.events.CloudEvents;
import wirewatch.events.Stance;
import wirewatch.events.Topics;

/**
 * The whole pipeline on a real broker: stories written as plain JSON strings, the way an outside producer
 * would, and alerts read back with read_committed, i.e. only what classify's transactions committed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "wirewatch.api.key=integration-test-key"})
@EmbeddedKafka(partitions = 1, topics = Topics.STORIES, brokerProperties = {
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
class ClassifyIntegrationTests {

    @Autowired
    private Environment environment;

    @Autowired
    private JsonMapper json;

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
                consumer.poll(Duration.ofMillis(200)).forEach(record ->
                        (record.topic().equals(Topics.ALERTS) ? alerts : deadLetters).add(record));
                assertThat(alerts).extracting(ConsumerRecord::key).contains("seed-1", "truce-1");
                assertThat(deadLetters).extracting(ConsumerRecord::key).contains("pill-1", "pill-2");
            });

            // truce-1 was written after weather-1 on the same partition, so weather-1 has been classified too
            assertThat(alerts).extracting(ConsumerRecord::key).containsExactly("seed-1", "truce-1");
            var seedRecord = alerts.getFirst();
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
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
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
