package wirewatch.classify.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Alert;
import wirewatch.events.Topics;

/**
 * The service running on a rules directory that is edited under it: a valid change is applied and shows in
 * new alerts and in {@code GET /api/rules}, an invalid one is rejected with its {@code file:line} problems
 * while the previous set keeps alerting, and fixing it applies again. Polling is set far beyond the test's
 * length, so every reload here comes from a watch event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "wirewatch.api.key=reload-test-key",
        "wirewatch.rules.reload-debounce=200ms",
        "wirewatch.rules.poll-interval=1h"})
@EmbeddedKafka(partitions = 1, topics = Topics.STORIES)
class RulesHotReloadIntegrationTests {

    private static final String KEY = "reload-test-key";

    @TempDir
    static Path rulesDirectory;

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) throws IOException {
        write("ceasefire.yaml", rule("truce", "truce", "Both sides agreed a truce."));
        registry.add("wirewatch.rules.directory", rulesDirectory::toString);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private Environment environment;

    @Autowired
    private JsonMapper json;

    @Autowired
    private MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> alertVersions = new ConcurrentHashMap<>();
    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, byte[]> consumer;
    private int stories;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(Topics.ALERTS));
    }

    @AfterEach
    void disconnect() {
        producer.close();
        consumer.close();
    }

    @Test
    void appliesValidChangesRejectsInvalidOnesAndKeepsAlertingThroughout() throws Exception {
        var first = rulesView().get("version").asString();
        assertThat(rulesView().get("hotReload").get("enabled").asBoolean()).isTrue();
        assertThat(alertsFor(storyBatch(3, "Russia and Ukraine agree a truce"))).containsOnly(first);

        // a valid change, saved the way editors do (temporary file, then rename) while stories keep arriving
        var duringChange = storyBatch(10, "Truce talks resume in Istanbul");
        write("ceasefire.yaml", rule("truce", "truce OR armistice", "The armistice holds."));
        var afterChange = storyBatch(10, "Truce talks resume in Istanbul");
        var second = awaitStatus("APPLIED", first);
        assertThat(second).isNotEqualTo(first);
        // stories classified while the change is debounced and compiled get the old set or the new one
        assertThat(alertsFor(duringChange)).isSubsetOf(first, second);
        assertThat(alertsFor(afterChange)).isSubsetOf(first, second);
        assertThat(alertsFor(storyBatch(3, "Truce talks resume in Istanbul"))).containsOnly(second);
        assertThat(alertsFor(storyBatch(3, "An armistice is signed"))).containsOnly(second);

        // an invalid set: a YAML error in one file, a query that does not parse in another
        double rejectedBefore = reloads("rejected");
        write("ceasefire.yaml", """
                - id: truce
                  category: CEASEFIRE
                  query: truce
                  examples: {match: [The truce holds.]
                """);
        write("extra.yaml", """
                - id: extra
                  category: CEASEFIRE
                  query: 'truce AND ('
                  examples:
                    match: [The truce holds.]
                """);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var status = rulesView().get("status");
            assertThat(status.get("outcome").asString()).isEqualTo("REJECTED");
            assertThat(status.get("problems").valueStream().map(JsonNode::asString)).anySatisfy(problem ->
                    assertThat(problem).startsWith("ceasefire.yaml:").contains("YAML syntax error"))
                    .anySatisfy(problem -> assertThat(problem)
                            .startsWith("extra.yaml:3: rule 'extra': query does not parse"));
        });
        var rejected = rulesView();
        assertThat(rejected.get("version").asString()).isEqualTo(second);
        assertThat(rejected.get("history").valueStream().map(attempt -> attempt.get("outcome").asString()))
                .containsSubsequence("APPLIED", "APPLIED", "REJECTED");
        assertThat(reloads("rejected")).isGreaterThan(rejectedBefore);
        assertThat(alertsFor(storyBatch(3, "Truce holds for a second day"))).containsOnly(second);

        // fixed
        write("ceasefire.yaml", rule("truce", "truce OR ceasefire", "The ceasefire holds."));
        write("extra.yaml", rule("extra", "\"energy truce\"~2", "An energy truce was agreed."));
        var third = awaitStatus("APPLIED", second);
        assertThat(third).isNotIn(first, second);
        assertThat(rulesView().get("ruleCount").asInt()).isEqualTo(2);
        assertThat(alertsFor(storyBatch(3, "Ceasefire extended"))).containsOnly(third);
        assertThat(reloads("applied")).isGreaterThanOrEqualTo(2);
    }

    private static String rule(String id, String query, String example) {
        return """
                - id: %s
                  category: CEASEFIRE
                  query: '%s'
                  examples:
                    match: ['%s']
                """.formatted(id, query.replace("'", "''"), example);
    }

    /** Writes a sibling temporary file and renames it over the rule file, as most editors save. */
    private static void write(String name, String content) throws IOException {
        var temporary = rulesDirectory.resolve("." + name + ".swp");
        Files.writeString(temporary, content);
        Files.move(temporary, rulesDirectory.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits until the active version differs from {@code previous} with the given outcome; returns it. */
    private String awaitStatus(String outcome, String previous) throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var view = rulesView();
            assertThat(view.get("status").get("outcome").asString()).isEqualTo(outcome);
            assertThat(view.get("version").asString()).isNotEqualTo(previous);
        });
        var view = rulesView();
        assertThat(view.get("status").get("version").asString()).isEqualTo(view.get("version").asString());
        return view.get("version").asString();
    }

    private List<String> storyBatch(int count, String title) {
        return IntStream.range(0, count).mapToObj(i -> {
            var id = "story-" + stories++;
            producer.send(new ProducerRecord<>(Topics.STORIES, id, json.writeValueAsString(Map.of(
                    "id", id, "url", "https://example.com/" + id, "source", "example.com",
                    "title", title, "body", "Officials in Moscow and Kyiv confirmed it.",
                    "publishedAt", "2025-05-20T08:00:00Z"))));
            return id;
        }).toList();
    }

    /** The rule-set versions of the alerts for these stories, once every one of them has its alert. */
    private List<String> alertsFor(List<String> storyIds) {
        producer.flush();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> alertVersions.put(record.key(),
                    json.readValue(record.value(), Alert.class).rulesetVersion()));
            assertThat(alertVersions).containsKeys(storyIds.toArray(String[]::new));
        });
        return storyIds.stream().map(alertVersions::get).toList();
    }

    private JsonNode rulesView() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/rules"))
                .header("Authorization", "Bearer " + KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private double reloads(String outcome) {
        return meters.get("wirewatch.classify.rules.reloads").tag("outcome", outcome).counter().count();
    }

    private String brokers() {
        return environment.getRequiredProperty("spring.embedded.kafka.brokers");
    }
}
