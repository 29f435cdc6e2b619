package wirewatch.local.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The local run's web server, bound to the loopback address: the inbox at {@code /}, webhooks under
 * {@code /webhooks}. Port 0 picks a free port, which is what tests use.
 */
public final class LocalWebServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private LocalWebServer(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
    }

    public static LocalWebServer start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            LocalWebServer local = new LocalWebServer(server);
            server.start();
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("The local web server could not listen on port " + port, e);
        }
    }

    /** Serves every path under {@code prefix} (the longest matching prefix wins, as in {@code HttpServer}). */
    public LocalWebServer route(String prefix, HttpHandler handler) {
        server.createContext(prefix, exchange -> {
            try (exchange) {
                handler.handle(exchange);
            } catch (RuntimeException e) {
                respond(exchange, 500, "text/plain; charset=utf-8", "Internal error: " + e);
            }
        });
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Writes a complete response; the body may be empty, which sends no body at all. */
    public static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    public static void respondHtml(HttpExchange exchange, int status, String html) throws IOException {
        // The pages need no scripts; the policy keeps any that slipped into mail or webhook content from running.
        exchange.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-src 'self'");
        respond(exchange, status, "text/html; charset=utf-8", html);
    }
}
