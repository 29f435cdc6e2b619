package wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Topics;

/**
 * The whole service over real HTTP, with an embedded Kafka broker and an embedded PostgreSQL: what a
 * client sees and what lands on {@code news.stories.v1}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "wirewatch.api.key=integration-key"})
@EmbeddedKafka
class IngestIntegrationTests {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        var url = TestDatabases.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @LocalServerPort
    private int port;

    @Autowired
    private EmbeddedKafkaBroker broker;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();
    private KafkaConsumer<String, String> consumer;
    private List<TopicPartition> partitions;

    @BeforeEach
    void openConsumer() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        partitions = consumer.partitionsFor(Topics.STORIES).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    @AfterEach
    void closeConsumer() {
        consumer.close();
    }

    @Test
    void publishesAPostedStoryWithCloudEventsAndTraceHeaders() throws Exception {
        var response = post("""
                {"url": "https://www.Example.com/world/putin-terms?utm_source=feed&id=7#top",
                 "title": "Putin&rsquo;s <em>terms</em>",
                 "body": "<p>Putin laid out his terms.</p><ul><li>neutrality</li><li>sanctions relief</li></ul>",
                 "publishedAt": "2025-03-01T13:00:00+01:00",
                 "language": "en"}""", "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");

        assertThat(response.statusCode()).isEqualTo(202);
        // printf %s 'https://www.example.com/world/putin-terms?id=7' | sha256sum | cut -c1-32
        var id = "752d2548785a5041d779006a56a3bf19";
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                {"id": "%s", "clusterId": "%s", "duplicate": false}""".formatted(id, id)));

        var record = awaitRecord(id);
        var story = JSON.readTree(record.value());
        assertThat(story.get("id").asString()).isEqualTo(id);
        assertThat(story.get("url").asString()).isEqualTo("https://www.example.com/world/putin-terms?id=7");
        assertThat(story.get("source").asString()).isEqualTo("example.com");
        assertThat(story.get("title").asString()).isEqualTo("Putin’s terms");
        assertThat(story.get("body").asString())
                .isEqualTo("Putin laid out his terms.\n- neutrality\n- sanctions relief");
        assertThat(story.get("language").asString()).isEqualTo("en");
        assertThat(story.get("publishedAt").asString()).isEqualTo("2025-03-01T12:00:00Z");
        assertThat(story.get("clusterId").asString()).isEqualTo(id);
        var ingestedAt = Instant.parse(story.get("ingestedAt").asString());
        assertThat(ingestedAt).isBetween(Instant.now().minusSeconds(60), Instant.now());

        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(id);
        assertThat(header(record, "ce_type")).isEqualTo("wirewatch.story.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/wirewatch/ingest");
        assertThat(header(record, "ce_time")).isEqualTo(ingestedAt.toString());
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "traceparent")).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-0[01]");
        assertThat(record.headers().lastHeader("__TypeId__")).isNull();
    }

    @Test
    void publishesEachStoryOnceWhenPostedTwice() throws Exception {
        var first = post("""
                {"url": "https://example.com/once?utm_campaign=a", "title": "Once", "body": "Only once."}""");
        var id = JSON.readTree(first.body()).get("id").asString();
        awaitRecord(id);
        var recordsBefore = recordCount();

        var second = post("""
                {"url": "https://example.com/once?gclid=b", "title": "Once, edited", "body": "Still once."}""");

        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(second.body())).isEqualTo(JSON.readTree("""
                {"id": "%s", "clusterId": "%s", "duplicate": true}""".formatted(id, id)));
        assertThat(recordCount()).isEqualTo(recordsBefore);
        assertThat(storiesRecorded(id)).isEqualTo(1);
    }

    @Test
    void givesASyndicatedCopyTheClusterOfTheOriginal() throws Exception {
        var original = post("""
                {"url": "https://wire.example.org/stories/peace-terms-1", "title": "Putin’s peace terms",
                 "body": "<p>Putin wants a “written” pledge.</p>"}""");
        var copy = post("""
                {"url": "https://news.example.net/world/2025/peace-terms", "title": "PUTIN'S PEACE TERMS",
                 "body": "Putin wants a \\"written\\" pledge"}""");

        // printf %s <url> | sha256sum | cut -c1-32, for each URL
        var originalId = "b3d3a50625b093bd58317d587b7e0c18";
        var copyId = "f2eb9b7df1a31697ae2692d71bb22c58";
        assertThat(JSON.readTree(original.body())).isEqualTo(JSON.readTree("""
                {"id": "%s", "clusterId": "%s", "duplicate": false}""".formatted(originalId, originalId)));
        assertThat(JSON.readTree(copy.body())).isEqualTo(JSON.readTree("""
                {"id": "%s", "clusterId": "%s", "duplicate": false}""".formatted(copyId, originalId)));
        var published = JSON.readTree(awaitRecord(copyId).value());
        assertThat(published.get("clusterId").asString()).isEqualTo(originalId);
        assertThat(published.get("source").asString()).isEqualTo("news.example.net");
    }

    @Test
    void publishesAStoryOnceWhenTheSamePostArrivesConcurrently() throws Exception {
        var recordsBefore = recordCount();
        var request = request(HttpRequest.BodyPublishers.ofString("""
                {"url": "https://example.com/concurrent", "title": "Race", "body": "Everyone posts this."}"""));

        var responses = IntStream.range(0, 8)
                .mapToObj(i -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();

        var bodies = new ArrayList<JsonNode>();
        for (var response : responses) {
            assertThat(response.statusCode()).isEqualTo(202);
            bodies.add(JSON.readTree(response.body()));
        }
        assertThat(bodies).filteredOn(body -> !body.get("duplicate").asBoolean()).hasSize(1);
        assertThat(bodies).extracting(body -> body.get("id").asString()).containsOnly(bodies.getFirst().get("id")
                .asString());
        awaitRecord(bodies.getFirst().get("id").asString());
        assertThat(recordCount()).isEqualTo(recordsBefore + 1);
    }

    @Test
    void judgesTheBodyLimitOnStreamedBytesWithoutContentLength() throws Exception {
        var tooLarge = post(chunked(storyOfExactly(1024 * 1024 + 1, "https://example.com/too-large")));
        var justUnder = post(chunked(storyOfExactly(1024 * 1024 - 16, "https://example.com/just-under")));

        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(tooLarge.body()).get("detail").asString())
                .contains("request body has more than 1048576 bytes");
        assertThat(justUnder.statusCode()).isEqualTo(202);
    }

    @Test
    void publishesABatchOnceWhenItIsSentTwice() throws Exception {
        var batch = """
                {"url": "https://example.com/batch/1", "title": "Batch one", "body": "First of two."}
                {"url": "https://example.com/batch/2", "title": "Batch two", "body": "Second of two."}
                """;

        var first = postBatch(batch);
        var recordsAfterFirst = recordCount();
        var second = postBatch(batch);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).get("published").asInt()).isEqualTo(2);
        assertThat(second.statusCode()).isEqualTo(200);
        var again = JSON.readTree(second.body());
        assertThat(again.get("published").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(2);
        assertThat(again.get("results")).allMatch(line -> line.get("duplicate").asBoolean());
        assertThat(recordCount()).isEqualTo(recordsAfterFirst);
    }

    private HttpResponse<String> postBatch(String ndjson) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stories"))
                .header("Authorization", "Bearer integration-key")
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesMetricsAndApiDocsWithoutKey() throws Exception {
        post("""
                {"url": "https://example.com/metrics", "title": "Counted", "body": "Counted once."}""");

        var prometheus = get("/actuator/prometheus");
        var apiDocs = get("/v3/api-docs");

        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body())
                .contains("wirewatch_ingest_stories_total{result=\"published\",source=\"api\"}")
                .contains("wirewatch_ingest_publish_seconds_count");
        assertThat(meters.counter("wirewatch.ingest.stories", "source", "api", "result", "published").count()).isPositive();
        assertThat(apiDocs.statusCode()).isEqualTo(200);
        assertThat(apiDocs.body()).contains("/api/stories");
    }

    private HttpResponse<String> post(String json, String... headers) throws Exception {
        return post(HttpRequest.BodyPublishers.ofString(json), headers);
    }

    private HttpResponse<String> post(BodyPublisher body, String... headers) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stories"))
                .header("Authorization", "Bearer integration-key")
                .header("Content-Type", "application/json")
                .POST(body);
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stories"))
                .header("Authorization", "Bearer integration-key")
                .header("Content-Type", "application/json")
                .POST(body)
                .build();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A body sent with chunked transfer encoding, so the server learns its size only by reading it. */
    private static BodyPublisher chunked(String json) {
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    private static String storyOfExactly(int bytes, String url) {
        var prefix = "{\"url\": \"" + url + "\", \"title\": \"Long story\", \"body\": \"";
        var suffix = "\"}";
        return prefix + "x".repeat(bytes - prefix.length() - suffix.length()) + suffix;
    }

    private ConsumerRecord<String, String> awaitRecord(String key) {
        var seen = new ArrayList<ConsumerRecord<String, String>>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().anyMatch(record -> key.equals(record.key()));
        });
        return seen.stream().filter(record -> key.equals(record.key())).findFirst().orElseThrow();
    }

    // Publishing waits for the broker's acknowledgement, so the end offsets already count every story
    // a finished request published.
    private long recordCount() {
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    private int storiesRecorded(String id) {
        return jdbc.sql("select count(*) from seen_story where id = :id").param("id", id).query(Integer.class).single();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
