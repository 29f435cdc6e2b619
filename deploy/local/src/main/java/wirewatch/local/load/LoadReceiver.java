package wirewatch.local.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import wirewatch.local.webhook.StandardWebhookSignature;

/**
 * The harness's own webhook endpoint on loopback. It stamps each request on arrival (before reading the body), checks
 * the Standard Webhooks signature with the subscription's secret, and keeps the first arrival per story id; repeats
 * (a retry of a delivery that did arrive) and bad signatures are only counted. It always answers 204, fast, so the
 * receiver adds as little as it can to what it measures.
 */
final class LoadReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/load";

    /** @param classifiedAt from the alert in the body; null when it had none */
    record Arrival(long receivedNanos, Instant classifiedAt) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final LongSupplier clock;
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger repeats = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private volatile String secret;

    LoadReceiver(LongSupplier clock) throws IOException {
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 1024);
        server.setExecutor(executor);
        server.createContext(PATH, this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** The subscription's {@code whsec_...} secret; requests before it is known count as badly signed. */
    void secret(String secret) {
        this.secret = secret;
    }

    Map<String, Arrival> arrivals() {
        return arrivals;
    }

    int repeats() {
        return repeats.get();
    }

    int badSignatures() {
        return badSignatures.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long received = clock.getAsLong();
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            var headers = exchange.getRequestHeaders();
            if (!StandardWebhookSignature.isValid(secret, headers.getFirst("webhook-id"),
                    headers.getFirst("webhook-timestamp"), body, headers.getFirst("webhook-signature"))) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            JsonNode data = JSON.readTree(body).path("data");
            String classifiedAt = data.path("classifiedAt").asString("");
            var arrival = new Arrival(received, classifiedAt.isEmpty() ? null : Instant.parse(classifiedAt));
            if (arrivals.putIfAbsent(data.path("storyId").asString(""), arrival) != null) {
                repeats.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
