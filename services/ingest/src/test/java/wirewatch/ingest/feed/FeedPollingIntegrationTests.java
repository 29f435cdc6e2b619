package wirewatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Topics;
import wirewatch.ingest.TestDatabases;
import wirewatch.ingest.feed.Feeds.Item;

/**
 * Feed polling through the whole service: the feed API, a real HTTP server serving feeds that behave well
 * and badly, an embedded Kafka broker and an embedded PostgreSQL.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "wirewatch.api.key=integration-key",
        "wirewatch.ingest.feeds.min-poll-interval=1s",
        "wirewatch.ingest.feeds.scheduler-tick=100ms",
        "wirewatch.ingest.feeds.read-timeout=2s",
        "wirewatch.ingest.feeds.max-response-size=64KB"})
@EmbeddedKafka
class FeedPollingIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FeedServer SERVER = new FeedServer();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        var url = TestDatabases.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @AfterAll
    static void stopServer() {
        SERVER.close();
    }

    @LocalServerPort
    private int port;

    @Autowired
    private EmbeddedKafkaBroker broker;

    @Autowired
    private MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();
    private KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> stories = new ArrayList<>();

    @BeforeEach
    void openConsumer() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        var partitions = consumer.partitionsFor(Topics.STORIES).stream()
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
    void publishesEachItemOnceAndPollsConditionally() throws Exception {
        var feed = new Feeds.Item("wire-1", "https://wire.example.org/a?utm_source=rss", "Ceasefire talks resume");
        var second = new Feeds.Item("wire-2", "https://wire.example.org/b", "Sanctions relief demanded");
        SERVER.on("/conditional", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            FeedServer.ok("application/rss+xml", Feeds.rss(second, feed), "ETag", "\"v1\"").handle(exchange);
        });

        var id = register("/conditional", "Conditional wire");

        var published = awaitStories("Conditional wire", 2);
        // Oldest first: a feed lists its newest item at the top.
        assertThat(published).extracting(story -> story.get("url").asString())
                .containsExactly("https://wire.example.org/a", "https://wire.example.org/b");
        assertThat(published.getFirst().get("title").asString()).isEqualTo("Ceasefire talks resume");
        assertThat(published.getFirst().get("body").asString()).isEqualTo("Ceasefire talks resume, reported in full.");
        assertThat(published.getFirst().get("publishedAt").asString()).isEqualTo("2026-11-24T09:00:00Z");
        await().atMost(Duration.ofSeconds(20)).until(() -> SERVER.requests("/conditional").size() >= 3);
        assertThat(SERVER.requests("/conditional").get(1).header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(storiesFrom("Conditional wire")).hasSize(2);
        var health = feed(id).get("health");
        assertThat(health.get("storiesPublished").asLong()).isEqualTo(2);
        assertThat(health.get("consecutiveFailures").asInt()).isZero();
        assertThat(health.get("lastSuccessAt").isNull()).isFalse();
        assertThat(meters.counter("wirewatch.ingest.feed.polls", "feed", "Conditional wire", "outcome", "not_modified")
                .count()).isPositive();
        assertThat(meters.counter("wirewatch.ingest.stories", "source", "Conditional wire", "result", "published")
                .count()).isEqualTo(2);
    }

    @Test
    void publishesOnlyNewItemsWhenAFeedChanges() throws Exception {
        var first = new Item("n-1", "https://news.example.net/1", "First report");
        var renamed = new Item("n-1", "https://news.example.net/1-updated", "First report, updated");
        var fresh = new Item("n-2", "https://news.example.net/2", "Second report");
        SERVER.on("/changing", FeedServer.ok("application/rss+xml", Feeds.rss(first)));
        register("/changing", "Changing wire");
        awaitStories("Changing wire", 1);

        // The same guid under a new link and title is the same item: it is not published again.
        SERVER.on("/changing", FeedServer.ok("application/rss+xml", Feeds.rss(fresh, renamed)));

        var published = awaitStories("Changing wire", 2);
        assertThat(published).extracting(story -> story.get("url").asString())
                .containsExactly("https://news.example.net/1", "https://news.example.net/2");
        var pollsBefore = SERVER.requests("/changing").size();
        await().atMost(Duration.ofSeconds(20)).until(() -> SERVER.requests("/changing").size() >= pollsBefore + 2);
        assertThat(storiesFrom("Changing wire")).hasSize(2);
        assertThat(meters.counter("wirewatch.ingest.feed.duplicates", "feed", "Changing wire").count()).isPositive();
    }

    @Test
    void readsAGzippedFeed() throws Exception {
        SERVER.on("/gzip", FeedServer.ok("application/rss+xml",
                gzip(Feeds.rss(new Item("z-1", "https://zipped.example.org/1", "Zipped report"))),
                "Content-Encoding", "gzip"));

        register("/gzip", "Zipped wire");

        assertThat(awaitStories("Zipped wire", 1).getFirst().get("title").asString()).isEqualTo("Zipped report");
    }

    @Test
    void backsOffAFailingFeedAndShowsWhyInItsHealth() throws Exception {
        SERVER.on("/broken", FeedServer.status(500));

        var id = register("/broken", "Broken wire");

        await().atMost(Duration.ofSeconds(20)).until(() -> feed(id).get("health").get("consecutiveFailures").asInt() >= 2);
        var health = feed(id).get("health");
        assertThat(health.get("lastError").asString()).isEqualTo("HTTP 500 from " + SERVER.url("/broken"));
        assertThat(health.get("lastSuccessAt").isNull()).isTrue();
        // After n failures the wait is 2^n poll intervals, less at most a fifth of jitter: here at least 3.2 s.
        var failures = health.get("consecutiveFailures").asInt();
        var wait = Duration.between(Instant.parse(health.get("lastPolledAt").asString()),
                Instant.parse(health.get("nextPollAt").asString()));
        assertThat(wait).isGreaterThanOrEqualTo(Duration.ofMillis((long) (1000 * Math.pow(2, failures) * 0.8)));
        assertThat(meters.get("wirewatch.ingest.feed.failures").tag("feed", "Broken wire").gauge().value())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void waitsAsLongAsRetryAfterAsks() throws Exception {
        SERVER.on("/limited", FeedServer.status(429, "Retry-After", "3600"));

        var id = register("/limited", "Limited wire");

        await().atMost(Duration.ofSeconds(20)).until(() -> !feed(id).get("health").get("lastPolledAt").isNull());
        var health = feed(id).get("health");
        assertThat(health.get("lastError").asString()).isEqualTo("HTTP 429, Retry-After 3600 s");
        assertThat(Duration.between(Instant.parse(health.get("lastPolledAt").asString()),
                Instant.parse(health.get("nextPollAt").asString()))).isEqualTo(Duration.ofHours(1));
        assertThat(SERVER.requests("/limited")).hasSize(1);
        assertThat(meters.counter("wirewatch.ingest.feed.polls", "feed", "Limited wire", "outcome", "rate_limited")
                .count()).isEqualTo(1);
    }

    @Test
    void followsAPermanentRedirectByUpdatingTheFeedUrl() throws Exception {
        SERVER.on("/moved-away", FeedServer.status(301, "Location", "/moved-here"))
                .on("/moved-here", FeedServer.ok("application/rss+xml",
                        Feeds.rss(new Item("m-1", "https://moved.example.org/1", "Moved report"))));

        var id = register("/moved-away", "Moved wire");

        awaitStories("Moved wire", 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> SERVER.requests("/moved-here").size() >= 2);
        assertThat(feed(id).get("url").asString()).isEqualTo(SERVER.url("/moved-here").toString());
        assertThat(SERVER.requests("/moved-away")).hasSize(1);
        var registeringTheNewUrl = postFeed("""
                {"url": "%s"}""".formatted(SERVER.url("/moved-here")));
        assertThat(registeringTheNewUrl.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(registeringTheNewUrl.body()).get("id").asString()).isEqualTo(id);
    }

    @Test
    void aSlowOrOversizedFeedDoesNotHoldUpTheOthers() throws Exception {
        SERVER.on("/slow", exchange -> {
            Thread.sleep(Duration.ofSeconds(30));
            exchange.sendResponseHeaders(200, -1);
        });
        SERVER.on("/oversized", FeedServer.ok("application/rss+xml", new byte[65 * 1024]));
        SERVER.on("/prompt", FeedServer.ok("application/rss+xml",
                Feeds.rss(new Item("p-1", "https://prompt.example.org/1", "Prompt report"))));
        var slow = register("/slow", "Slow wire");
        var oversized = register("/oversized", "Oversized wire");
        var started = System.nanoTime();

        register("/prompt", "Prompt wire");

        awaitStories("Prompt wire", 1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(feed(slow).get("health").get("lastError").asString())
                    .isEqualTo("no complete response within 2000 ms");
            assertThat(feed(oversized).get("health").get("lastError").asString())
                    .isEqualTo("document of 66560 bytes (Content-Length) is larger than the limit of 65536 bytes");
        });
    }

    @Test
    void recordsAnUnreadableDocumentAsTheFeedsError() throws Exception {
        SERVER.on("/not-a-feed", FeedServer.ok("text/html", "<html><body>Moved to our app!</body></html>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        var id = register("/not-a-feed", "Not a feed");

        await().atMost(Duration.ofSeconds(20)).until(() -> !feed(id).get("health").get("lastError").isNull());
        assertThat(feed(id).get("health").get("lastError").asString()).startsWith("unreadable feed: ");
    }

    @Test
    void registersAFeedOnceHoweverItsUrlIsSpelled() throws Exception {
        SERVER.on("/spelled", FeedServer.status(304));
        var url = SERVER.url("/spelled");

        var first = postFeed("""
                {"url": "%s?utm_source=newsletter#top"}""".formatted(url));
        var again = postFeed("""
                {"url": "%s", "name": "Other name"}""".formatted(url.toString().replace("http:", "HTTP:")));

        assertThat(first.statusCode()).isEqualTo(201);
        var created = JSON.readTree(first.body());
        assertThat(first.headers().firstValue("Location")).hasValue("/api/feeds/" + created.get("id").asString());
        assertThat(created.get("url").asString()).isEqualTo(url.toString());
        assertThat(created.get("name").asString()).isEqualTo("127.0.0.1");
        assertThat(created.get("pollIntervalSeconds").asLong()).isEqualTo(300);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("id").asString()).isEqualTo(created.get("id").asString());
        assertThat(JSON.readTree(again.body()).get("name").asString()).isEqualTo("127.0.0.1");
        var listed = JSON.readTree(send(HttpRequest.newBuilder(api("/api/feeds")).GET()).body());
        assertThat(listed.valueStream().filter(feed -> feed.get("url").asString().equals(url.toString())))
                .hasSize(1);
    }

    @Test
    void refusesAnInvalidFeedNamingTheField() throws Exception {
        var cases = Map.of(
                "{\"name\": \"No URL\"}", "url is required",
                "{\"url\": \"ftp://example.com/feed\"}", "url must be an absolute http or https URL",
                "{\"url\": \"https://example.com/feed\", \"pollIntervalSeconds\": 0}",
                "pollIntervalSeconds must be between 1 and 86400, got 0",
                "{\"url\": \"https://example.com/feed\", \"pollIntervalSeconds\": \"often\"}",
                "pollIntervalSeconds must be a whole number",
                "{\"url\": ", "request body is not valid JSON");
        for (var entry : cases.entrySet()) {
            var response = postFeed(entry.getKey());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("detail").asString()).as(entry.getKey())
                    .startsWith(entry.getValue());
        }
    }

    @Test
    void stopsPollingARemovedFeed() throws Exception {
        SERVER.on("/removed", FeedServer.ok("application/rss+xml",
                Feeds.rss(new Item("x-1", "https://removed.example.org/1", "Removed report"))));
        var id = register("/removed", "Removed wire");
        awaitStories("Removed wire", 1);

        var removed = send(HttpRequest.newBuilder(api("/api/feeds/" + id)).DELETE());

        assertThat(removed.statusCode()).isEqualTo(204);
        var gone = send(HttpRequest.newBuilder(api("/api/feeds/" + id)).GET());
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(gone.body()).get("detail").asString()).startsWith("no feed with id '" + id + "'");
        assertThat(send(HttpRequest.newBuilder(api("/api/feeds/" + id)).DELETE()).statusCode()).isEqualTo(404);
        var requestsAfterRemoval = SERVER.requests("/removed").size();
        // A poll already under way may finish; after that, none.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> SERVER.requests("/removed").size() <= requestsAfterRemoval + 1);
    }

    @Test
    void refusesTheFeedApiWithoutTheKey() throws Exception {
        var response = http.send(HttpRequest.newBuilder(api("/api/feeds")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private HttpResponse<String> postFeed(String json) throws Exception {
        return send(HttpRequest.newBuilder(api("/api/feeds"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private String register(String path, String name) throws Exception {
        var response = send(HttpRequest.newBuilder(api("/api/feeds"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"url": "%s", "name": "%s", "pollIntervalSeconds": 1}""".formatted(SERVER.url(path), name))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private JsonNode feed(String id) throws Exception {
        var response = send(HttpRequest.newBuilder(api("/api/feeds/" + id)).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Bearer integration-key").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI api(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private List<JsonNode> awaitStories(String source, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> storiesFrom(source).size() >= count);
        return storiesFrom(source);
    }

    private List<JsonNode> storiesFrom(String source) {
        consumer.poll(Duration.ofMillis(100)).forEach(stories::add);
        return stories.stream()
                .map(record -> JSON.readTree(record.value()))
                .filter(story -> source.equals(story.get("source").asString()))
                .toList();
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
