package wirewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Topics;

/**
 * The one application context every integration test shares: a real embedded Kafka broker, PostgreSQL and
 * GreenMail SMTP server, all on free ports, and HTTP calls over a real socket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "wirewatch.api.key=" + IntegrationTestSupport.API_KEY,
        "wirewatch.notify.public-url=https://notify.example.org",
        "wirewatch.notify.webhook.allow-private-targets=true",
        "wirewatch.notify.webhook.request-timeout=1s",
        // Four attempts within about 1.5 s; long enough apart that the order of events is never in doubt.
        "wirewatch.notify.retry.delays=200ms,400ms,600ms",
        "wirewatch.notify.webhook.disable-after=1m",
        "wirewatch.notify.pipeline.retry-backoff=100ms",
        "wirewatch.notify.digest.poll-interval=200ms",
        "wirewatch.notify.digest.claim-timeout=2s"})
@EmbeddedKafka(partitions = 1, topics = Topics.ALERTS)
@Import(IntegrationTestSupport.Clocks.class)
abstract class IntegrationTestSupport {

    /** The application's clock, which a test may move; tests that move it put it back when they end. */
    static final MovableClock CLOCK = new MovableClock();

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    static final String API_KEY = "integration-test-key";

    private static final String DATABASE = TestDatabases.newDatabase();
    // Started once for the whole run, like the shared context that points at it; it dies with the test JVM.
    static final GreenMail MAIL = startMail();
    private static final Pattern CONFIRM_LINK =
            Pattern.compile("https://notify\\.example\\.org/confirm\\?token=([A-Za-z0-9_-]+)");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    JsonMapper json;

    @Autowired
    private EmbeddedKafkaBroker kafka;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    private static GreenMail startMail() {
        var mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    HttpResponse<String> call(String method, String path, String body, String key) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> call(String method, String path, String body) throws Exception {
        return call(method, path, body, API_KEY);
    }

    /** A GET as a browser sends it, asking for HTML first. */
    HttpResponse<String> browse(String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, String form) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a subscription and answers the body of the 201. */
    JsonNode subscribe(Map<String, Object> request) throws Exception {
        var response = call("POST", "/api/subscriptions", json.writeValueAsString(request));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    JsonNode getJson(String path) throws Exception {
        var response = call("GET", path, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** Writes a record to a topic the way any outside producer would: a plain string. */
    void produce(String topic, String key, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    void produce(String key, String value) throws Exception {
        produce(Topics.ALERTS, key, value);
    }

    /**
     * This context's broker. Not the {@code spring.embedded.kafka.brokers} system property: a test class that
     * starts a broker of its own overwrites that.
     */
    String brokers() {
        return kafka.getBrokersAsString();
    }

    /** The mails GreenMail holds for {@code address}. */
    static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(recipient -> recipient.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits for the confirmation mail to {@code address} and answers the token of its link. */
    static String confirmationToken(String address) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(address).stream()
                .map(IntegrationTestSupport::textOf)
                .map(CONFIRM_LINK::matcher)
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .findFirst().orElse(null), token -> token != null);
    }

    static String textOf(MimeMessage message) {
        try {
            var multipart = (MimeMultipart) message.getContent();
            return (String) multipart.getBodyPart(0).getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
