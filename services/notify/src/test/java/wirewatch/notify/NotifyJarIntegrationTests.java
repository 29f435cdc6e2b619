package wirewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Topics;

/**
 * Exactly one delivery per (alert, subscription) when notify is killed in the middle of a burst: the packaged jar
 * runs as its own JVM against a KRaft broker and a PostgreSQL that live in this test's JVM, is killed with
 * {@code kill -9} (no shutdown hook, nothing flushed, offsets uncommitted) while hundreds of webhooks are going out,
 * and is started again. The kill is made by the receiver while it holds a request it has read but not answered.
 *
 * <p>What it proves, and what it cannot: the ledger and every (alert, subscription) have exactly one delivery, with
 * one webhook-id, and all end delivered. A request the receiver had already taken when the kill came is sent
 * again after the restart (notify cannot know the receiver got it), under the same webhook-id, so a receiver that
 * de-duplicates on webhook-id accepts each delivery exactly once. The test pins those repeats down exactly: each is
 * a request the killed run sent and whose ledger row was not yet marked delivered at the kill (in flight, or answered
 * but not yet group-committed: no more than the parallelism), sent once more by the restarted run and never more. Without the ledger's claim, the
 * alerts re-read after the restart would be sent again under new webhook-ids, and the test fails.
 *
 * <p>Stopped gracefully instead ({@code SIGTERM}) in the middle of a burst, notify finishes the attempts in flight
 * before it exits: a poll no longer waits for its receivers, so without that wait the deliveries it had claimed and
 * started would be left pending until the recovery after a restart.
 */
class NotifyJarIntegrationTests {

    private static final String API_KEY = "jar-test-key";
    private static final int SUBSCRIPTIONS = 5;
    private static final int ALERTS = 300;
    private static final int PARALLELISM = 8;

    private final EmbeddedKafkaKraftBroker kafka = startKafka();
    private final String databaseUrl = TestDatabases.newDatabase();
    private final JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(databaseUrl, "postgres", "postgres"));
    private final Receiver receiver = new Receiver();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int port = freePort();
    private Process notify;

    @AfterEach
    void stopEverything() {
        if (notify != null) {
            notify.destroyForcibly();
        }
        receiver.stop();
        kafka.destroy();
    }

    @Test
    void deliversEveryAlertToEverySubscriptionOnceWhenKilledMidBurstAndRestarted() throws Exception {
        notify = startNotify("first");
        var subscriptions = new ArrayList<String>();
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            subscriptions.add(subscribe(receiver.url("subscriber-" + i)));
        }
        // The kill comes while the receiver holds a request it has read but not answered: notify cannot know it
        // arrived, so that delivery is the one case sent twice, and must be under the same webhook-id.
        var killedDuring = receiver.killWhileHolding(ALERTS * SUBSCRIPTIONS / 4, () -> notify.destroyForcibly());
        publishAlerts();

        var interrupted = killedDuring.get(2, TimeUnit.MINUTES);
        await().atMost(Duration.ofSeconds(30)).until(() -> !notify.isAlive());
        // What the killed run sent, once the receiver has finished taking in its last requests, and which of its
        // deliveries the ledger could not know were received: the only ones the restarted run may send again.
        await().atMost(Duration.ofSeconds(30)).until(receiver::idle);
        var sentByKilledRun = receiver.received().stream().map(Request::webhookId).collect(Collectors.toSet());
        var notRecordedAtKill = jdbc.sql("select id::text from deliveries where status <> 'delivered'")
                .query(String.class).set();
        assertThat(sentByKilledRun.size()).as("killed in the middle of the burst").isLessThan(ALERTS * SUBSCRIPTIONS);

        notify = startNotify("restarted");
        int expected = ALERTS * SUBSCRIPTIONS;
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from deliveries where status = 'delivered'").query(Integer.class).single())
                .isEqualTo(expected));

        assertThat(jdbc.sql("select count(*) from deliveries").query(Integer.class).single()).isEqualTo(expected);
        assertThat(jdbc.sql("select count(distinct (alert_id, subscription_id)) from deliveries")
                .query(Integer.class).single()).isEqualTo(expected);

        var requests = receiver.received();
        var idsByDelivery = requests.stream().collect(Collectors.groupingBy(Request::alertAndSubscription,
                Collectors.mapping(Request::webhookId, Collectors.toSet())));
        assertThat(idsByDelivery).hasSize(expected);
        assertThat(idsByDelivery.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(idsByDelivery.keySet().stream().map(key -> key.split(" ")[1]).distinct())
                .containsExactlyInAnyOrderElementsOf(subscriptions);

        var ledgerIds = jdbc.sql("select id::text from deliveries").query(String.class).set();
        var received = requests.stream().map(Request::webhookId).collect(Collectors.toSet());
        assertThat(received).isEqualTo(ledgerIds);

        // Sent again after the restart: only what the killed run sent without the ledger learning it arrived, each
        // once more and under its first webhook-id.
        var timesSent = requests.stream().collect(Collectors.groupingBy(Request::webhookId, Collectors.counting()));
        var repeated = timesSent.entrySet().stream().filter(sent -> sent.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(timesSent.values()).as("times each webhook-id was sent").allSatisfy(times ->
                assertThat(times).isBetween(1L, 2L));
        assertThat(repeated).as("repeated webhook-ids").contains(interrupted.webhookId())
                .allSatisfy(id -> assertThat(id).isIn(sentByKilledRun).isIn(notRecordedAtKill));
        // A send keeps its permit until its outcome is recorded, so no more than the parallelism can be unrecorded.
        assertThat(repeated).as("repeated webhook-ids").hasSizeLessThanOrEqualTo(PARALLELISM);
        assertThat(requests.stream().filter(request -> request.webhookId().equals(interrupted.webhookId())))
                .hasSize(2);
        assertThat(jdbc.sql("select attempts from deliveries where id = ?::uuid").param(interrupted.webhookId())
                .query(Integer.class).single()).isEqualTo(2);
        Map<String, List<Request>> byId = requests.stream().collect(Collectors.groupingBy(Request::webhookId));
        assertThat(byId.values()).allSatisfy(same -> assertThat(same.stream().map(Request::body).distinct())
                .hasSize(1));
    }

    @Test
    void finishesTheAttemptsInFlightWhenStoppedGracefully() throws Exception {
        notify = startNotify("stopped");
        subscribe(receiver.url("stopped"));
        // The receiver asks notify to stop (SIGTERM) while it holds a request, and answers only once notify has
        // stopped taking requests: the attempt is then in flight while notify shuts down.
        var heldDuringStop = receiver.killWhileHolding(ALERTS / 3, () -> {
            notify.destroy();
            await().atMost(Duration.ofSeconds(30)).until(() -> healthStatus() == 0);
        });
        publishAlerts();

        var held = heldDuringStop.get(2, TimeUnit.MINUTES);
        await().atMost(Duration.ofMinutes(1)).until(() -> !notify.isAlive());

        // Nothing it had claimed is left pending for the recovery after a restart: what was in flight was finished.
        assertThat(jdbc.sql("select status from deliveries where id = ?::uuid").param(held.webhookId())
                .query(String.class).single()).isEqualTo("delivered");
        assertThat(jdbc.sql("select count(*) from deliveries where status = 'pending'").query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from deliveries").query(Integer.class).single())
                .isBetween(ALERTS / 3, ALERTS - 1);
    }

    /** The health endpoint's status, or 0 when nothing answers on notify's port. */
    private int healthStatus() throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notAnswering) {
            return 0;
        }
    }

    private Process startNotify(String run) throws IOException {
        var java = ProcessHandle.current().info().command().orElse("java");
        var log = Path.of("target", "notify-jar-" + run + ".log");
        var process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xmx512m", "-jar",
                Path.of("target", "notify.jar").toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--wirewatch.api.key=" + API_KEY,
                "--wirewatch.notify.webhook.allow-private-targets=true",
                "--management.health.mail.enabled=false", // this test has no SMTP server, nor needs one
                "--wirewatch.notify.delivery.parallelism=" + PARALLELISM,
                // Every alert is its own story, each sent at once: the hourly cap would put most of the burst in digests.
                "--wirewatch.notify.flood.instant-per-hour=" + ALERTS,
                // The killed run's pending deliveries are taken up soon after the restart, not after two minutes.
                "--wirewatch.notify.delivery.claim-timeout=5s",
                "--wirewatch.notify.delivery.recovery-interval=1s",
                // The killed consumer never leaves the group: the broker gives up on it after this.
                "--spring.kafka.consumer.properties.session.timeout.ms=6000")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("notify exited; see " + log.toAbsolutePath() + ":\n"
                    + (Files.exists(log) ? Files.readString(log) : "")).isTrue();
            return healthStatus() == 200;
        });
        return process;
    }

    private String subscribe(String target) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/subscriptions"))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("channel", "webhook",
                        "target", target, "categories", List.of("CEASEFIRE"), "mode", "instant"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asString();
    }

    private void publishAlerts() throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < ALERTS; i++) {
                var id = "burst-" + i;
                producer.send(new ProducerRecord<>(Topics.ALERTS, id, """
                        {"id": "%s", "storyId": "story-%s", "clusterId": "cluster-%s",
                         "story": {"title": "Ceasefire talks resume", "url": "https://example.com/%s",
                                   "source": "example.com", "publishedAt": "2026-11-20T08:00:00Z"},
                         "categories": ["CEASEFIRE"],
                         "matches": [{"ruleId": "ceasefire", "category": "CEASEFIRE", "confidence": 0.9,
                                      "evidence": ["Both sides agreed a ceasefire."], "stance": "PROPOSED"}],
                         "rulesetVersion": "sha256:0123", "classifiedAt": "2026-11-20T08:01:00Z"}"""
                        .formatted(id, id, id, id)));
            }
            producer.flush();
        }
    }

    private static EmbeddedKafkaKraftBroker startKafka() {
        var broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.ALERTS);
        broker.brokerProperties(Map.of("offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return broker;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Request(String webhookId, String alertAndSubscription, String body) {
    }

    /** Answers 204 to every webhook at once and remembers each request. */
    private final class Receiver {

        private final HttpServer server;
        private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicInteger active = new AtomicInteger();
        private volatile int killAt = -1;
        private volatile Runnable kill;
        private final CompletableFuture<Request> killedDuring = new CompletableFuture<>();

        Receiver() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/hooks/", exchange -> {
                active.incrementAndGet();
                try (exchange) {
                    var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    var data = json.readTree(body).get("data");
                    var request = new Request(exchange.getRequestHeaders().getFirst("webhook-id"),
                            data.get("id").asString() + " " + data.get("subscriptionId").asString(), body);
                    requests.add(request);
                    if (count.incrementAndGet() == killAt) {
                        kill.run();
                        killedDuring.complete(request);
                    }
                    exchange.sendResponseHeaders(204, -1);
                } finally {
                    active.decrementAndGet();
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
        }

        /** Runs {@code kill} on the {@code nth} request, before answering it; completes with that request. */
        CompletableFuture<Request> killWhileHolding(int nth, Runnable kill) {
            this.kill = kill;
            this.killAt = nth;
            return killedDuring;
        }

        String url(String name) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + name;
        }

        boolean idle() {
            return active.get() == 0;
        }

        List<Request> received() {
            return List.copyOf(requests);
        }

        void stop() {
            server.stop(0);
        }
    }
}
