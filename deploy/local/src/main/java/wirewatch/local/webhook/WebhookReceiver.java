package wirewatch.local.webhook;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import wirewatch.local.web.LocalWebServer;

/**
 * Mounted at {@code /webhooks}: {@code POST /webhooks/<endpoint>} records the request and answers 204 (or the status
 * set with {@link #respondWith}, so a test can make an endpoint fail or answer 410); {@code GET /webhooks} and
 * {@code GET /webhooks/<endpoint>} show what arrived, newest first. Keeps the last {@value #KEPT} requests.
 */
public final class WebhookReceiver implements HttpHandler {

    static final int KEPT = 1000;
    private static final String PREFIX = "/webhooks";

    private final Clock clock;
    private final Deque<ReceivedWebhook> received = new ArrayDeque<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        this(Clock.systemUTC());
    }

    WebhookReceiver(Clock clock) {
        this.clock = clock;
    }

    /** Registers the {@code whsec_...} secret that deliveries to this endpoint must be signed with. */
    public WebhookReceiver secret(String endpoint, String secret) {
        secrets.put(endpoint, secret);
        return this;
    }

    /** The status later requests to this endpoint get; 204 unless set. */
    public WebhookReceiver respondWith(String endpoint, int status) {
        statuses.put(endpoint, status);
        return this;
    }

    /** Everything received so far, oldest first. */
    public synchronized List<ReceivedWebhook> received() {
        return List.copyOf(received);
    }

    /** What one endpoint received, oldest first. */
    public List<ReceivedWebhook> received(String endpoint) {
        return received().stream().filter(webhook -> webhook.endpoint().equals(endpoint)).toList();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String endpoint = endpoint(exchange.getRequestURI().getPath());
        switch (exchange.getRequestMethod()) {
            case "POST" -> {
                if (endpoint.isEmpty()) {
                    LocalWebServer.respond(exchange, 404, "text/plain; charset=utf-8",
                            "POST to /webhooks/<endpoint>, for example /webhooks/demo");
                    return;
                }
                record(endpoint, exchange);
                LocalWebServer.respond(exchange, statuses.getOrDefault(endpoint, 204), "text/plain; charset=utf-8",
                        "");
            }
            case "GET" -> LocalWebServer.respondHtml(exchange, 200, WebhookPage.render(endpoint, newestFirst(endpoint)));
            default -> LocalWebServer.respond(exchange, 405, "text/plain; charset=utf-8", "GET or POST");
        }
    }

    private void record(String endpoint, HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = exchange.getRequestHeaders().entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().toLowerCase(Locale.ROOT),
                        entry -> List.copyOf(entry.getValue()), (a, b) -> a, TreeMap::new));
        ReceivedWebhook.Signature signature = signature(endpoint, headers, body);
        ReceivedWebhook webhook = new ReceivedWebhook(endpoint, clock.instant(), headers, body, signature);
        synchronized (this) {
            received.addLast(webhook);
            if (received.size() > KEPT) {
                received.removeFirst();
            }
        }
    }

    private ReceivedWebhook.Signature signature(String endpoint, Map<String, List<String>> headers, byte[] body) {
        String secret = secrets.get(endpoint);
        if (secret == null) {
            return ReceivedWebhook.Signature.NO_SECRET;
        }
        boolean valid = StandardWebhookSignature.isValid(secret, first(headers, "webhook-id"),
                first(headers, "webhook-timestamp"), body, first(headers, "webhook-signature"));
        return valid ? ReceivedWebhook.Signature.VALID : ReceivedWebhook.Signature.INVALID;
    }

    private List<ReceivedWebhook> newestFirst(String endpoint) {
        List<ReceivedWebhook> all = endpoint.isEmpty() ? received() : received(endpoint);
        return all.reversed();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static String endpoint(String path) {
        String rest = path.length() > PREFIX.length() ? path.substring(PREFIX.length()) : "";
        return rest.startsWith("/") ? rest.substring(1) : rest;
    }
}
