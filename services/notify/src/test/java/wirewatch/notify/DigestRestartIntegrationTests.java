package wirewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Alert;
import wirewatch.events.Topics;
import wirewatch.notify.delivery.AlertSender;
import wirewatch.notify.delivery.Digest;
import wirewatch.notify.delivery.SendOutcome;
import wirewatch.notify.subscription.Channel;
import wirewatch.notify.subscription.Subscription;

/**
 * Notify dies while it sends digests, and a new notify takes over on the same database and broker. The first
 * notify crashes (an {@link Error} nothing catches, so no line after it runs, as if the process had died) in the
 * middle of its digest sends: for one webhook before the request goes out, for another webhook and a mailbox
 * after the receiver has the digest but before the ledger hears of it. The second notify must send every digest,
 * each under a single id, and nothing more.
 */
// Under a property of its own: the default one names the broker of the context the other integration tests share.
@EmbeddedKafka(partitions = 1, topics = Topics.ALERTS, bootstrapServersProperty = "wirewatch.test.restart.brokers")
class DigestRestartIntegrationTests {

    private static final String API_KEY = "restart-test-key";
    private static final Pattern CONFIRM_LINK =
            Pattern.compile("https://notify\\.example\\.org/confirm\\?token=([A-Za-z0-9_-]+)");

    private final String database = TestDatabases.newDatabase();
    private final JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database, "postgres", "postgres"));
    private final MovableClock clock = new MovableClock();
    private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicInteger crashes = new AtomicInteger();
    private ConfigurableApplicationContext notify;

    @AfterEach
    void stop() {
        if (notify != null) {
            notify.close();
        }
        receiver.close();
        mail.stop();
    }

    @Test
    void sendsEveryDigestUnderOneIdWhenNotifyDiesBeforeOrAfterTheSend() throws Exception {
        mail.start();
        clock.moveTo(Instant.parse("2030-05-01T10:10:00Z"));
        notify = start(true);
        var beforeUrl = receiver.url(200, "before-send");
        var afterUrl = receiver.url(200, "after-send");
        var reader = "after-send@example.org";
        var before = subscribe("webhook", beforeUrl);
        var after = subscribe("webhook", afterUrl);
        var mailed = subscribe("email", reader);
        assertThat(send("GET", "/confirm?token=" + confirmationToken(reader), null).statusCode()).isEqualTo(200);

        produce("restart-1", "cluster-x");
        produce("restart-2", "cluster-y");
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from digest_items") == 6);

        clock.moveTo(Instant.parse("2030-05-01T11:00:01Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> crashes.get() == 3);
        notify.close();
        notify = null;

        // What the dead notify left behind: three claimed digests, their deliveries recorded and not finished.
        assertThat(count("select count(*) from digests where status = 'sending'")).isEqualTo(3);
        assertThat(count("select count(*) from deliveries where status = 'pending'")).isEqualTo(3);
        assertThat(receiver.receivedAt(beforeUrl)).isEmpty();
        assertThat(receiver.receivedAt(afterUrl)).hasSize(1);
        assertThat(digestMailsTo(reader)).hasSize(1);

        // Past the claim timeouts: the new notify takes the digests over at once, and sends their pending
        // deliveries again as abandoned ones (their claims began on the database's clock, not the movable one).
        clock.moveAhead(Duration.ofSeconds(3));
        notify = start(false);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from deliveries where status = 'delivered'") == 3);
        assertThat(count("select count(*) from digests where status = 'dispatched'")).isEqualTo(3);
        // Nothing more comes, however long one waits.
        clock.moveAhead(Duration.ofMinutes(10));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                receiver.receivedAt(beforeUrl).size() == 1 && receiver.receivedAt(afterUrl).size() == 2
                        && digestMailsTo(reader).size() == 2);

        var sentBefore = receiver.receivedAt(beforeUrl).getFirst();
        assertThat(sentBefore.header("webhook-id")).isEqualTo(deliveryId(before).toString());
        assertThat(alertIds(sentBefore.body())).containsExactly("restart-1", "restart-2");
        // Sent before the crash and again after it: the same digest, under the same webhook-id.
        var sentAfter = receiver.receivedAt(afterUrl);
        assertThat(sentAfter).extracting(request -> request.header("webhook-id"))
                .containsOnly(deliveryId(after).toString());
        assertThat(sentAfter.get(1).body()).isEqualTo(sentAfter.get(0).body());
        assertThat(alertIds(sentAfter.getFirst().body())).containsExactly("restart-1", "restart-2");
        assertThat(digestMailsTo(reader)).extracting(MimeMessage::getMessageID)
                .containsOnly("<" + deliveryId(mailed) + "@wirewatch.local>");
    }

    private ConfigurableApplicationContext start(boolean crashing) {
        var broker = EmbeddedKafkaCondition.getBroker();
        // The crashing notify must not recover its own interrupted deliveries: its senders would die again.
        var deliveryClaimTimeout = crashing ? "10m" : "2s";
        return new SpringApplicationBuilder(NotifyApplication.class)
                .initializers(context -> {
                    ((GenericApplicationContext) context).registerBean("movableClock", Clock.class, () -> clock,
                            definition -> definition.setPrimary(true));
                    if (crashing) {
                        context.getBeanFactory().addBeanPostProcessor(new CrashingSenders(crashes));
                    }
                })
                // As command-line arguments, which outrank application.yml.
                .run("--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--spring.datasource.url=" + database,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--spring.mail.port=" + mail.getSmtp().getPort(),
                        "--wirewatch.api.key=" + API_KEY,
                        "--wirewatch.notify.public-url=https://notify.example.org",
                        "--wirewatch.notify.webhook.allow-private-targets=true",
                        "--wirewatch.notify.digest.poll-interval=200ms",
                        "--wirewatch.notify.digest.claim-timeout=2s",
                        "--wirewatch.notify.delivery.claim-timeout=" + deliveryClaimTimeout,
                        "--wirewatch.notify.delivery.recovery-interval=500ms");
    }

    /** Wraps every channel's sender so that digest sends die, before or after sending as the target says. */
    private record CrashingSenders(AtomicInteger crashes) implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof AlertSender sender ? new CrashingSender(sender, crashes) : bean;
        }
    }

    private record CrashingSender(AlertSender delegate, AtomicInteger crashes) implements AlertSender, AutoCloseable {

        @Override
        public Channel channel() {
            return delegate.channel();
        }

        @Override
        public SendOutcome send(UUID deliveryId, Subscription subscription, Alert alert) {
            return delegate.send(deliveryId, subscription, alert);
        }

        @Override
        public Optional<Duration> disableWhenFailingFor() {
            return delegate.disableWhenFailingFor();
        }

        @Override
        public SendOutcome sendDigest(UUID deliveryId, Subscription subscription, Digest digest) {
            if (subscription.target().contains("after-send")) {
                delegate.sendDigest(deliveryId, subscription, digest);
            }
            crashes.incrementAndGet();
            throw new SimulatedCrash();
        }

        @Override
        public void close() throws Exception {
            if (delegate instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    private static final class SimulatedCrash extends Error {

        SimulatedCrash() {
            super("notify died here");
        }
    }

    private JsonNode subscribe(String channel, String target) throws Exception {
        var request = Map.of("channel", channel, "target", target, "categories", List.of("CEASEFIRE"),
                "mode", "digest", "digest", Map.of("frequency", "hourly"));
        var response = send("POST", "/api/subscriptions", json.writeValueAsString(request));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        var port = notify.getEnvironment().getRequiredProperty("local.server.port");
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void produce(String alertId, String cluster) throws Exception {
        var alert = """
                {"id": "%s", "storyId": "story-%s", "clusterId": "%s",
                 "story": {"title": "Truce report %s", "url": "https://example.com/%s", "source": "example.com",
                           "publishedAt": "2030-05-01T10:00:00Z"},
                 "categories": ["CEASEFIRE"],
                 "matches": [{"ruleId": "ceasefire", "category": "CEASEFIRE", "confidence": 0.9,
                              "evidence": ["A ceasefire was proposed."], "stance": "PROPOSED"}],
                 "rulesetVersion": "sha256:0123", "classifiedAt": "2030-05-01T10:01:00Z"}"""
                .formatted(alertId, alertId, cluster, alertId, alertId);
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaCondition.getBroker().getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.ALERTS, "story-" + alertId, alert)).get();
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private UUID deliveryId(JsonNode subscription) {
        return jdbc.sql("select id from deliveries where subscription_id = ?::uuid")
                .param(subscription.path("id").asString()).query(UUID.class).single();
    }

    private List<String> alertIds(String body) {
        return json.readTree(body).path("data").path("sections").values().stream()
                .flatMap(section -> section.path("clusters").values().stream())
                .flatMap(cluster -> cluster.path("alerts").values().stream())
                .map(alert -> alert.path("id").asString()).toList();
    }

    private List<MimeMessage> digestMailsTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().equals(address)
                        && message.getSubject().startsWith("[Wirewatch] Digest");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private String confirmationToken(String address) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(mail.getReceivedMessages())
                .map(DigestRestartIntegrationTests::text)
                .map(CONFIRM_LINK::matcher)
                .filter(matcher -> matcher.find())
                .map(matcher -> matcher.group(1))
                .findFirst().orElse(null), token -> token != null);
    }

    private static String text(MimeMessage message) {
        try {
            return IntegrationTestSupport.textOf(message);
        } catch (IllegalStateException e) {
            return "";
        }
    }
}
