package wirewatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.local.web.LocalWebServer;
import wirewatch.local.webhook.ReceivedWebhook;
import wirewatch.local.webhook.WebhookReceiver;

/**
 * The whole flow as a subscriber sees it: one story posted to ingest becomes one signed webhook and one email, and a
 * notify that re-reads the alerts topic after a restart sends neither again. Subclasses choose the infrastructure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class EndToEndScenario {

    private static final List<String> SEED_CATEGORIES = List.of("FROZEN_ASSETS", "NATO_NON_ENLARGEMENT", "NEUTRALITY",
            "RUSSIAN_SPEAKERS", "SANCTIONS_RELIEF", "TERRITORY");
    private static final List<String> ALL_CATEGORIES = List.of("NATO_NON_ENLARGEMENT", "NEUTRALITY",
            "SANCTIONS_RELIEF", "FROZEN_ASSETS", "RUSSIAN_SPEAKERS", "TERRITORY", "SECURITY_GUARANTEES", "CEASEFIRE");
    private static final String SUBSCRIBER = "analyst@example.org";
    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://\\S+/confirm\\?token=[A-Za-z0-9_\\-]+");
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    /** Made by Prometheus itself, not by a service. */
    private static final Set<String> PROMETHEUS_OWN_METRICS = Set.of("up");
    private static final String FEED = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>E2E wire</title><link>https://wire.example.org/</link>
            <item><guid isPermaLink="false">e2e-energy-truce</guid>
            <title>Russia and Ukraine agree 30-day halt to strikes on energy sites</title>
            <link>https://wire.example.org/2025/energy-truce?utm_source=rss</link>
            <description>&lt;p&gt;Moscow and Kyiv agreed a 30-day energy ceasefire on Tuesday, halting strikes on power
            plants and grids, officials on both sides said.&lt;/p&gt;</description>
            <pubDate>Tue, 18 Mar 2025 19:00:00 GMT</pubDate></item>
            </channel></rss>
            """;
    private static final Pattern PATTERN_LOG_LINE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\S+\\s+(INFO|WARN|ERROR)");

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    private Infrastructure infrastructure;
    private GreenMail mail;
    private LocalWebServer web;
    private final WebhookReceiver receiver = new WebhookReceiver();
    private WirewatchServices services;
    private StandardWebhooksVerifier verifier;

    protected abstract Infrastructure startInfrastructure();

    @BeforeAll
    void startEverything() throws IOException {
        infrastructure = startInfrastructure();
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        web = LocalWebServer.start(0).route("/webhooks", receiver);
        Path logs = Files.createDirectories(Path.of("target", "e2e-logs", getClass().getSimpleName()));
        // The launcher appends to a service's log: a log left in target/ by an earlier run would mix into this one's.
        try (Stream<Path> earlier = Files.list(logs)) {
            for (Path log : earlier.toList()) {
                Files.delete(log);
            }
        }
        services = new WirewatchServices(infrastructure, mail.getSmtp().getPort(), logs);
        Duration startUp = services.start();
        System.out.printf("[e2e] three services up in %d ms%n", startUp.toMillis());
    }

    @AfterAll
    void stopEverything() {
        for (AutoCloseable closeable : new AutoCloseable[] {services, web, infrastructure}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                System.err.println("[e2e] could not stop " + closeable + ": " + e);
            }
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    @Order(1)
    void seedStoryBecomesOneSignedWebhookAndOneEmailWithItsSixCategories() throws Exception {
        JsonNode hook = post(services.notify("/api/subscriptions"), Map.of("channel", "webhook",
                "target", web.baseUrl() + "/webhooks/e2e", "categories", ALL_CATEGORIES, "mode", "instant"), 201);
        verifier = new StandardWebhooksVerifier(hook.get("secret").asString());
        subscribeByEmailAndConfirm();

        JsonNode unrelated = post(services.ingest("/api/stories"), Map.of(
                "url", "https://example.org/local/bike-lanes", "title", "Council approves new bike lanes",
                "body", "The city council voted on Tuesday to add twelve kilometres of protected bike lanes."), 202);
        assertThat(unrelated.get("duplicate").asBoolean()).isFalse();

        List<String> seed = Files.readAllLines(seedStory(), StandardCharsets.UTF_8);
        Instant posted = Instant.now();
        JsonNode story = post(services.ingest("/api/stories"), Map.of(
                "url", "https://example.org/world/putin-peace-terms?utm_source=e2e",
                "title", seed.getFirst(),
                "body", String.join("\n", seed.subList(1, seed.size())).strip(),
                "source", "example.org"), 202);

        await().atMost(FLOW_TIMEOUT).until(() -> !webhooks().isEmpty());
        ReceivedWebhook delivered = webhooks().getFirst();
        System.out.printf("[e2e] story -> webhook in %d ms%n",
                Duration.between(posted, delivered.receivedAt()).toMillis());
        assertThat(verifier.verify(delivered.webhookId().orElse(null),
                delivered.header("webhook-timestamp").orElse(null), delivered.header("webhook-signature").orElse(null),
                delivered.bodyText(), Instant.now())).as("webhook signature").isTrue();
        JsonNode payload = json.readTree(delivered.bodyText());
        assertThat(payload.get("type").asString()).isEqualTo("alert.created");
        assertThat(payload.at("/data/storyId").asString()).isEqualTo(story.get("id").asString());
        assertThat(texts(payload.at("/data/categories"))).containsExactlyInAnyOrderElementsOf(SEED_CATEGORIES);
        assertThat(payload.at("/data/subscriptionId").asString()).isEqualTo(hook.get("id").asString());

        MimeMessage email = awaitAlertEmail();
        assertThat(email.getSubject()).startsWith("[Wirewatch] ").contains(seed.getFirst());
        SEED_CATEGORIES.forEach(category -> assertThat(quietly(email::getSubject)).contains(category));
        assertThat(email.getContent()).isInstanceOf(MimeMultipart.class);
        assertThat(email.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        // The unrelated story was classified too (it went first), yet produced nothing.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> webhooks().size() == 1 && alertEmails().size() == 1);
    }

    @Test
    @Order(2)
    void notifyRereadingTheAlertsAfterARestartSendsNothingTwice() throws Exception {
        assertThat(webhooks()).as("the first test delivered the seed alert").hasSize(1);
        services.notifyProcess().stop();
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers",
                infrastructure.kafkaBootstrapServers()))) {
            // Forget notify's committed offsets so the restarted service reads news.alerts.v1 from the start.
            admin.deleteConsumerGroups(List.of("notify")).all().get();
        }
        services.notifyProcess().start().awaitReady();

        await().atMost(FLOW_TIMEOUT).until(() -> metric(services.notify("/actuator/prometheus"),
                "wirewatch_notify_alerts_total") >= 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                .until(() -> webhooks().size() == 1 && alertEmails().size() == 1);
    }

    @Test
    @Order(3)
    void oneTraceFollowsAStoryFromIngestThroughClassifyAndNotifyToTheWebhook() throws Exception {
        // A second subscriber whose endpoint refuses connections: notify logs the failed attempt, inside the trace.
        String refusedTarget = "http://127.0.0.1:" + WirewatchServices.freePort() + "/refused";
        JsonNode refused = post(services.notify("/api/subscriptions"), Map.of("channel", "webhook",
                "target", refusedTarget, "categories", ALL_CATEGORIES, "mode", "instant"), 201);
        int webhooksBefore = webhooks().size();

        // Not the seed again: a copy of a story already delivered would be suppressed by flood control.
        JsonNode story = post(services.ingest("/api/stories"), Map.of(
                "url", "https://example.org/world/kremlin-sanctions-condition",
                "title", "Kremlin says sanctions relief must come before any deal",
                "body", "Moscow will not sign a settlement unless Western governments lift sanctions on Russian "
                        + "banks first, the Kremlin spokesman told reporters on Thursday."), 202);
        String storyId = story.get("id").asString();
        await().atMost(FLOW_TIMEOUT).until(() -> webhooks().size() > webhooksBefore);

        ReceivedWebhook delivered = webhooks().getLast();
        assertThat(json.readTree(delivered.bodyText()).at("/data/storyId").asString()).isEqualTo(storyId);
        TraceParent atReceiver = TraceParent.parse(delivered.header("traceparent").orElse(null));
        Map<String, String> storyHeaders = TopicRecords.headersOfFirst(infrastructure.kafkaBootstrapServers(),
                "news.stories.v1", storyId, FLOW_TIMEOUT).orElseThrow();
        Map<String, String> alertHeaders = TopicRecords.headersOfFirst(infrastructure.kafkaBootstrapServers(),
                "news.alerts.v1", storyId, FLOW_TIMEOUT).orElseThrow();
        TraceParent fromIngest = TraceParent.parse(storyHeaders.get("traceparent"));
        TraceParent fromClassify = TraceParent.parse(alertHeaders.get("traceparent"));

        assertThat(fromClassify.traceId()).as("classify's alert continues ingest's trace")
                .isEqualTo(fromIngest.traceId());
        assertThat(atReceiver.traceId()).as("notify's webhook continues it").isEqualTo(fromIngest.traceId());
        assertThat(List.of(fromIngest.parentId(), fromClassify.parentId(), atReceiver.parentId()))
                .as("each hop is a span of its own").doesNotHaveDuplicates();
        assertThat(alertHeaders.get("baggage")).as("the story's ingestedAt travels on to notify")
                .contains("wirewatch-ingested-at=");

        String traceId = fromIngest.traceId();
        String refusedId = refused.get("id").asString();
        await().atMost(FLOW_TIMEOUT).until(() -> linesOf("notify").anyMatch(line ->
                line.contains("Attempt 1 of delivery") && line.contains(refusedId)));
        assertThat(linesOf("notify").filter(line -> line.contains("Attempt 1 of delivery")
                && line.contains(refusedId))).singleElement().asString()
                .as("the log line of the failed attempt carries the trace id").contains("[notify," + traceId + ",");
    }

    @Test
    @Order(4)
    void aStoryInAPolledFeedReachesTheSubscriber() throws Exception {
        web.route("/feeds/e2e.xml", exchange -> {
            byte[] rss = FEED.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, rss.length);
            exchange.getResponseBody().write(rss);
        });
        int before = webhooks().size();

        JsonNode feed = post(services.ingest("/api/feeds"), Map.of("url", web.baseUrl() + "/feeds/e2e.xml",
                "name", "e2e-wire"), 201);

        await().atMost(FLOW_TIMEOUT).until(() -> webhooks().size() > before);
        JsonNode payload = json.readTree(webhooks().getLast().bodyText());
        assertThat(payload.at("/data/story/url").asString()).isEqualTo("https://wire.example.org/2025/energy-truce");
        assertThat(texts(payload.at("/data/categories"))).contains("CEASEFIRE");
        JsonNode health = get(services.ingest("/api/feeds/" + feed.get("id").asString()));
        assertThat(health.toString()).contains("e2e-wire");
    }

    @Test
    @Order(5)
    void everyMetricTheDashboardAndTheAlertRulesQueryIsExposedByTheServices() throws Exception {
        Set<String> exposed = new TreeSet<>();
        for (URI endpoint : services.metricsEndpoints()) {
            exposed.addAll(PrometheusText.sampleNames(http.send(HttpRequest.newBuilder(endpoint).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body()));
        }
        Set<String> queried = new TreeSet<>();
        QueriedMetrics.expressions(services.repositoryRoot())
                .forEach(expression -> queried.addAll(QueriedMetrics.names(expression)));

        assertThat(queried).as("sanity: the rules and the dashboard were read")
                .contains("wirewatch_notify_deliveries_total", "kafka_consumer_fetch_manager_records_lag_max");
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(exposed);
        missing.removeAll(PROMETHEUS_OWN_METRICS);
        assertThat(missing).as("queried by deploy/prometheus/rules or deploy/grafana/dashboards, but exposed by no "
                + "service (exposed: %s)", exposed).isEmpty();
    }

    @Test
    @Order(6)
    void oneSettingTurnsTheLogIntoJsonLines() throws Exception {
        // WirewatchServices starts classify with logging.structured.format.console=ecs.
        List<JsonNode> events = linesOf("classify").filter(line -> line.startsWith("{"))
                .map(line -> json.readTree(line)).toList();

        assertThat(events).hasSizeGreaterThan(10)
                .allSatisfy(event -> assertThat(event.at("/service/name").asString()).isEqualTo("classify"))
                .anySatisfy(event -> assertThat(event.path("message").asString()).contains("Started"))
                .anySatisfy(event -> assertThat(event.path("traceId").asString()).as("a line inside a trace")
                        .matches("[0-9a-f]{32}"));
        assertThat(linesOf("classify")).noneMatch(line -> PATTERN_LOG_LINE.matcher(line).find());
    }

    private void subscribeByEmailAndConfirm() throws Exception {
        JsonNode subscription = post(services.notify("/api/subscriptions"), Map.of("channel", "email",
                "target", SUBSCRIBER, "categories", ALL_CATEGORIES, "mode", "instant"), 201);
        assertThat(subscription.get("status").asString()).isEqualTo("pending");
        await().atMost(FLOW_TIMEOUT).until(() -> mail.getReceivedMessages().length >= 1);
        String confirmation = GreenMailUtil.getBody(mail.getReceivedMessages()[0]);
        Matcher link = CONFIRM_LINK.matcher(confirmation.replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).as("a confirmation link in: %s", confirmation).isTrue();
        HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(URI.create(link.group())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        JsonNode active = get(services.notify("/api/subscriptions/" + subscription.get("id").asString()));
        assertThat(active.get("status").asString()).isEqualTo("active");
    }

    private Stream<String> linesOf(String service) throws IOException {
        return Files.readAllLines(services.logOf(service), StandardCharsets.UTF_8).stream();
    }

    private List<ReceivedWebhook> webhooks() {
        return receiver.received("e2e");
    }

    private MimeMessage awaitAlertEmail() {
        await().atMost(FLOW_TIMEOUT).until(() -> !alertEmails().isEmpty());
        return alertEmails().getFirst();
    }

    private List<MimeMessage> alertEmails() {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(message -> quietly(message::getSubject).startsWith("[Wirewatch] "))
                .filter(message -> quietly(() -> message.getRecipients(Message.RecipientType.TO)[0].toString())
                        .contains(SUBSCRIBER))
                .filter(message -> !quietly(message::getSubject).toLowerCase().contains("confirm"))
                .toList();
    }

    private JsonNode post(URI uri, Object body, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + WirewatchServices.API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s answered %s", uri, response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    private JsonNode get(URI uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + WirewatchServices.API_KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s answered %s", uri, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The sum of a counter over all its tag combinations, read from the Prometheus endpoint. */
    private double metric(URI prometheus, String name) throws Exception {
        String body = http.send(HttpRequest.newBuilder(prometheus).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return body.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static Path seedStory() {
        try {
            return Path.of(EndToEndScenario.class.getResource("/seeds/putin-peace-terms.txt").toURI());
        } catch (Exception e) {
            throw new IllegalStateException("The seed story is missing from the test resources", e);
        }
    }

    private interface Throwing<T> {
        T get() throws Exception;
    }

    private static <T> T quietly(Throwing<T> call) {
        try {
            return call.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
