package wirewatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Topics;
import wirewatch.ingest.IngestApplication;
import wirewatch.ingest.TestDatabases;
import wirewatch.ingest.canonical.CanonicalUrl;
import wirewatch.ingest.canonical.StoryId;
import wirewatch.ingest.feed.Feeds.Item;

/**
 * Ingest as separate instances on one Kafka broker and one PostgreSQL, each a Spring context of its own,
 * started and stopped as a deployment would: state that survives a restart, and feeds shared between two
 * instances and taken over when one of them goes.
 */
class FeedScaleOutIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PARTITIONS = 3;

    private static EmbeddedKafkaKraftBroker broker;
    private final FeedServer server = new FeedServer();
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String database = TestDatabases.newDatabase();

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
        server.close();
    }

    @Test
    void continuesAfterARestartWithoutPublishingAnythingAgain() throws Exception {
        var etagRespected = new Item("r-1", "https://restart.example.org/1", "Kept state");
        var etagIgnored = new Item("r-2", "https://restart.example.org/2", "Still once");
        server.on("/conditional", exchange -> {
            if ("\"r1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            FeedServer.ok("application/rss+xml", Feeds.rss(etagRespected), "ETag", "\"r1\"").handle(exchange);
        });
        // A server that ignores validators hands the same items over on every poll.
        server.on("/unconditional", FeedServer.ok("application/rss+xml", Feeds.rss(etagIgnored)));
        var first = start(Map.of());
        var conditional = register(first, "/conditional", "Restart conditional");
        register(first, "/unconditional", "Restart unconditional");
        await().atMost(Duration.ofSeconds(30)).until(() -> storiesPublished(first, conditional) == 1
                && storiesPublished(first, feedId(first, "/unconditional")) == 1);

        first.close();
        var requestsBefore = server.requests("/conditional").size();
        var unconditionalBefore = server.requests("/unconditional").size();
        var second = start(Map.of());

        await().atMost(Duration.ofSeconds(30)).until(() -> server.requests("/conditional").size() > requestsBefore
                && server.requests("/unconditional").size() >= unconditionalBefore + 2);
        // The validators stored before the restart are sent after it.
        assertThat(server.requests("/conditional").get(requestsBefore).header("If-None-Match")).isEqualTo("\"r1\"");
        assertThat(storyKeys()).filteredOn(key -> key.equals(storyId(etagRespected))).hasSize(1);
        assertThat(storyKeys()).filteredOn(key -> key.equals(storyId(etagIgnored))).hasSize(1);
        assertThat(storiesPublished(second, conditional)).isEqualTo(1);
        assertThat(counter(second, "wirewatch.ingest.feed.duplicates", "Restart unconditional")).isPositive();
    }

    @Test
    void twoInstancesPollEachFeedOnceAndOneTakesOverWhenTheOtherDies() throws Exception {
        // The first instance will not say goodbye to the group when it stops, as if it had crashed:
        // its feeds move only when its session times out.
        var doomed = start(Map.of("spring.kafka.consumer.properties.internal.leave.group.on.close", "false"));
        var survivor = start(Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> assigned(doomed).size() + assigned(survivor).size()
                == PARTITIONS && !assigned(doomed).isEmpty() && !assigned(survivor).isEmpty());
        var feeds = registerFeedsOnEveryPartition(survivor);
        assertThat(instances).allSatisfy(instance -> assertThat(instance.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer("feed-ownership").getGroupId()).isEqualTo("ingest-feeds"));

        await().atMost(Duration.ofSeconds(30)).until(() -> feeds.keySet().stream()
                .allMatch(name -> polls(doomed, name) + polls(survivor, name) >= 2));
        var doomedFeeds = new HashSet<String>();
        for (var feed : feeds.entrySet()) {
            var name = feed.getKey();
            var owner = assigned(doomed).contains(feed.getValue()) ? doomed : survivor;
            var other = owner == doomed ? survivor : doomed;
            assertThat(polls(owner, name)).as("polls of %s by its owner", name).isGreaterThanOrEqualTo(2);
            assertThat(polls(other, name)).as("polls of %s by the other instance", name).isZero();
            if (owner == doomed) {
                doomedFeeds.add(name);
            }
        }
        assertThat(doomedFeeds).isNotEmpty();

        doomed.close();
        var closedAt = System.nanoTime();

        await().atMost(Duration.ofSeconds(30)).until(() -> doomedFeeds.stream()
                .allMatch(name -> polls(survivor, name) >= 1));
        var takeover = Duration.ofNanos(System.nanoTime() - closedAt);
        System.out.printf("Feeds of the stopped instance taken over after %d ms%n", takeover.toMillis());
        assertThat(takeover).isLessThan(Duration.ofSeconds(30));
        var keys = storyKeys();
        for (var n = 0; n < feeds.size(); n++) {
            var id = storyId(new Item("s-" + n, "https://shared.example.org/" + n, "Shared story " + n));
            assertThat(keys).as("records of shared story %d", n).filteredOn(id::equals).hasSize(1);
        }
    }

    /** Registers feeds until each partition of the feeds topic holds two; returns feed name to partition. */
    private Map<String, TopicPartition> registerFeedsOnEveryPartition(ConfigurableApplicationContext instance)
            throws Exception {
        var perPartition = new HashMap<Integer, Integer>();
        var feeds = new HashMap<String, TopicPartition>();
        for (var n = 0; perPartition.size() < PARTITIONS || perPartition.values().stream().anyMatch(c -> c < 2); n++) {
            var path = "/shared-" + n;
            var name = "Shared " + n;
            var id = register(instance, path, name);
            // Kafka's default partitioner: murmur2 of the key bytes.
            var partition = Utils.toPositive(Utils.murmur2(id.getBytes())) % PARTITIONS;
            perPartition.merge(partition, 1, Integer::sum);
            feeds.put(name, new TopicPartition(Topics.FEEDS, partition));
            server.on(path, FeedServer.ok("application/rss+xml",
                    Feeds.rss(new Item("s-" + n, "https://shared.example.org/" + n, "Shared story " + n))));
            assertThat(n).as("feeds registered to cover every partition").isLessThan(100);
        }
        return feeds;
    }

    private ConfigurableApplicationContext start(Map<String, Object> extra) {
        var properties = new HashMap<String, Object>(Map.of(
                "server.port", "0",
                "spring.kafka.bootstrap-servers", broker.getBrokersAsString(),
                "spring.datasource.url", database,
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres",
                "wirewatch.api.key", "scale-key",
                "wirewatch.ingest.feeds.min-poll-interval", "1s",
                "wirewatch.ingest.feeds.scheduler-tick", "100ms",
                "wirewatch.ingest.feeds.read-timeout", "2s"));
        properties.putAll(extra);
        // As command-line arguments, which outrank application.yml as they would in a deployment.
        var arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        var context = new SpringApplicationBuilder(IngestApplication.class).run(arguments);
        instances.add(context);
        return context;
    }

    private String register(ConfigurableApplicationContext instance, String path, String name) throws Exception {
        var response = http.send(HttpRequest.newBuilder(api(instance, "/api/feeds"))
                .header("Authorization", "Bearer scale-key")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"url": "%s", "name": "%s", "pollIntervalSeconds": 1}""".formatted(server.url(path), name)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private long storiesPublished(ConfigurableApplicationContext instance, String feedId) throws Exception {
        var response = http.send(HttpRequest.newBuilder(api(instance, "/api/feeds/" + feedId))
                .header("Authorization", "Bearer scale-key").build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("health").get("storiesPublished").asLong();
    }

    private String feedId(ConfigurableApplicationContext instance, String path) throws Exception {
        var response = http.send(HttpRequest.newBuilder(api(instance, "/api/feeds"))
                .header("Authorization", "Bearer scale-key").build(), HttpResponse.BodyHandlers.ofString());
        for (var feed : JSON.readTree(response.body())) {
            if (feed.get("url").asString().equals(server.url(path).toString())) {
                return feed.get("id").asString();
            }
        }
        throw new AssertionError("no feed for " + path);
    }

    private static URI api(ConfigurableApplicationContext instance, String path) {
        var port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }

    private static Set<TopicPartition> assigned(ConfigurableApplicationContext instance) {
        if (!instance.isActive()) {
            return Set.of();
        }
        var container = instance.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("feed-ownership");
        var partitions = container == null ? null : container.getAssignedPartitions();
        return partitions == null ? Set.of() : Set.copyOf(partitions);
    }

    private static double polls(ConfigurableApplicationContext instance, String feedName) {
        return instance.getBean(MeterRegistry.class).find("wirewatch.ingest.feed.polls").tag("feed", feedName)
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    private static double counter(ConfigurableApplicationContext instance, String name, String feedName) {
        return instance.getBean(MeterRegistry.class).find(name).tag("feed", feedName)
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    private static String storyId(Item item) {
        return StoryId.of(CanonicalUrl.of(item.link()));
    }

    /** Every key on the stories topic, one per record. */
    private static List<String> storyKeys() {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            var partitions = consumer.partitionsFor(Topics.STORIES).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            var keys = new ArrayList<String>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
            }
            return keys;
        }
    }
}
