package wirewatch.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import wirewatch.local.mail.LocalMailServer;

/** Against a stand-in for notify's API (the contract in design.md) and a real GreenMail. */
class DemoSubscriptionsIntegrationTests {

    private static final String KEY = "test-key";

    @TempDir
    Path dir;

    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();
    private LocalMailServer mail;
    private HttpServer notify;

    @BeforeEach
    void start() throws IOException {
        mail = LocalMailServer.start(0, 0);
        notify = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        notify.createContext("/api/subscriptions", this::subscriptions);
        notify.createContext("/confirm", this::confirm);
        notify.start();
    }

    @AfterEach
    void stop() {
        notify.stop(0);
        mail.close();
    }

    @Test
    void createsAnActiveWebhookAndAConfirmedEmailSubscriptionAndRemembersThem() throws Exception {
        DemoSubscriptions.Demo demo = demo().ensure();

        assertThat(statuses).containsEntry(demo.webhookSubscriptionId(), "active")
                .containsEntry(demo.emailSubscriptionId(), "active");
        assertThat(demo.webhookSecret()).isEqualTo("whsec_c2VjcmV0");
        assertThat(Files.readString(dir.resolve("demo.json"))).contains(demo.webhookSubscriptionId(),
                demo.emailSubscriptionId(), "whsec_c2VjcmV0");
    }

    @Test
    void reusesSubscriptionsNotifyStillHas() {
        DemoSubscriptions.Demo first = demo().ensure();

        DemoSubscriptions.Demo second = demo().ensure();

        assertThat(second).isEqualTo(first);
        assertThat(created).hasValue(2);
    }

    @Test
    void recreatesASubscriptionNotifyNoLongerKnows() {
        DemoSubscriptions.Demo first = demo().ensure();
        statuses.remove(first.webhookSubscriptionId());

        DemoSubscriptions.Demo second = demo().ensure();

        assertThat(second.webhookSubscriptionId()).isNotEqualTo(first.webhookSubscriptionId());
        assertThat(second.emailSubscriptionId()).isEqualTo(first.emailSubscriptionId());
        assertThat(created).hasValue(3);
    }

    @Test
    void removesTheSubscriptionsAnEarlierRunCreatedAndCreatesThemAgainAfterwards() {
        DemoSubscriptions.Demo earlier = demo().ensure();

        int removed = demo().remove();

        assertThat(removed).isEqualTo(2);
        assertThat(statuses).doesNotContainKeys(earlier.webhookSubscriptionId(), earlier.emailSubscriptionId());
        assertThat(demo().remove()).isZero();
        DemoSubscriptions.Demo later = demo().ensure();
        assertThat(later.webhookSubscriptionId()).isNotEqualTo(earlier.webhookSubscriptionId());
        assertThat(statuses).containsEntry(later.webhookSubscriptionId(), "active")
                .containsEntry(later.emailSubscriptionId(), "active");
    }

    private DemoSubscriptions demo() {
        return new DemoSubscriptions(URI.create("http://localhost:" + notify.getAddress().getPort()), KEY,
                mail.inbox(), dir.resolve("demo.json"), "http://localhost:8025/webhooks/demo", "demo@wirewatch.local");
    }

    private void subscriptions(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String id = path.substring("/api/subscriptions".length()).replace("/", "");
            switch (exchange.getRequestMethod()) {
                case "POST" -> create(exchange, new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8));
                case "GET" -> {
                    String status = statuses.get(id);
                    respond(exchange, status == null ? 404 : 200, status == null ? "{}"
                            : "{\"id\":\"" + id + "\",\"status\":\"" + status + "\"}");
                }
                case "DELETE" -> {
                    statuses.remove(id);
                    respond(exchange, 204, "");
                }
                default -> respond(exchange, 405, "{}");
            }
        }
    }

    private void create(HttpExchange exchange, String body) throws IOException {
        created.incrementAndGet();
        String id = UUID.randomUUID().toString();
        if (body.contains("\"channel\":\"webhook\"")) {
            statuses.put(id, "active");
            respond(exchange, 201, "{\"id\":\"" + id + "\",\"status\":\"active\",\"secret\":\"whsec_c2VjcmV0\"}");
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.put(token, id);
        statuses.put(id, "pending");
        sendConfirmation("http://localhost:" + notify.getAddress().getPort() + "/confirm?token=" + token);
        respond(exchange, 201, "{\"id\":\"" + id + "\",\"status\":\"pending\"}");
    }

    private void confirm(HttpExchange exchange) throws IOException {
        try (exchange) {
            String id = tokens.get(exchange.getRequestURI().getQuery().substring("token=".length()));
            if (id == null) {
                respond(exchange, 404, "unknown token");
                return;
            }
            statuses.put(id, "active");
            respond(exchange, 200, "<p>Confirmed</p>");
        }
    }

    private void sendConfirmation(String link) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(properties));
            message.setFrom(new InternetAddress("notify@wirewatch.local"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("demo@wirewatch.local"));
            message.setSubject("Confirm your Wirewatch subscription");
            message.setText("Confirm: " + link + "\n");
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
