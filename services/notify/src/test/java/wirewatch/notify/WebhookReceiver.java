package wirewatch.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real HTTP server that records every webhook request. {@code /hooks/200/anything} answers 200,
 * {@code /hooks/410/anything} answers 410 Gone; a {@link #scripted} URL answers its replies in turn, then 200.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(String path, Map<String, String> headers, String body, Instant at) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * One answer of a scripted receiver: a status (with {@code Retry-After} unless null), none at all, or a 200
     * whose body never ends.
     */
    public record Reply(int status, String retryAfter, boolean hangs, boolean trickles) {

        public static Reply status(int status) {
            return new Reply(status, null, false, false);
        }

        public static Reply retryAfter(int status, String retryAfter) {
            return new Reply(status, retryAfter, false, false);
        }

        /** Keeps the connection open without answering until the receiver is closed. */
        public static Reply hanging() {
            return new Reply(0, null, true, false);
        }

        /** Answers 200, then sends its body a byte every quarter of a second until the receiver is closed. */
        public static Reply trickling() {
            return new Reply(200, null, false, true);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Reply>> scripts = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            var receiver = new WebhookReceiver(server);
            server.createContext("/hooks/", receiver::handle);
            server.createContext("/scripted/", receiver::handleScripted);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL that answers {@code status}; {@code name} tells receivers apart. */
    public String url(int status, String name) {
        return base() + "/hooks/" + status + "/" + name;
    }

    /** The URL that answers {@code replies} one request after the other, and 200 once they are used up. */
    public String scripted(String name, Reply... replies) {
        scripts.put(name, new ConcurrentLinkedQueue<>(List.of(replies)));
        return base() + "/scripted/" + name;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Received> receivedAt(String url) {
        return received.stream().filter(request -> url.endsWith(request.path())).toList();
    }

    private String base() {
        return "http://127.0.0.1:" + port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var path = record(exchange);
            exchange.sendResponseHeaders(Integer.parseInt(path.split("/")[2]), -1);
        }
    }

    private void handleScripted(HttpExchange exchange) throws IOException {
        try (exchange) {
            var path = record(exchange);
            var reply = scripts.getOrDefault(path.split("/")[2], new ConcurrentLinkedQueue<>()).poll();
            if (reply == null) {
                exchange.sendResponseHeaders(200, -1);
            } else if (reply.hangs()) {
                closed.await();
            } else if (reply.trickles()) {
                trickle(exchange);
            } else {
                if (reply.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
                }
                exchange.sendResponseHeaders(reply.status(), -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void trickle(HttpExchange exchange) throws IOException, InterruptedException {
        exchange.sendResponseHeaders(200, 0);
        var body = exchange.getResponseBody();
        while (!closed.await(250, TimeUnit.MILLISECONDS)) {
            body.write('.');
            body.flush();
        }
    }

    private String record(HttpExchange exchange) throws IOException {
        var at = Instant.now();
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders().entrySet().stream().collect(Collectors.toMap(
                entry -> entry.getKey().toLowerCase(Locale.ROOT), entry -> String.join(",", entry.getValue())));
        var path = exchange.getRequestURI().getPath();
        received.add(new Received(path, headers, body, at));
        return path;
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
