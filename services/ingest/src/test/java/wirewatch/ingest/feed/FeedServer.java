package wirewatch.ingest.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free port whose answers tests set per path, recording every request it gets.
 * Each exchange runs on its own virtual thread, so a slow answer does not hold up the others.
 */
public final class FeedServer implements AutoCloseable {

    /** How to answer one request. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    /** A request as received. */
    public record Request(String path, Headers headers) {

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            var path = exchange.getRequestURI().getPath();
            requests.add(new Request(path, exchange.getRequestHeaders()));
            try (exchange) {
                var handler = handlers.get(path);
                if (handler == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    handler.handle(exchange);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException clientWentAway) {
                // the client under test gave up on purpose (timeout, size cap)
            }
        });
        server.start();
    }

    public FeedServer on(String path, Handler handler) {
        handlers.put(path, handler);
        return this;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Answers 200 with {@code body} of the content type given. */
    public static Handler ok(String contentType, byte[] body, String... headers) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            for (var i = 0; i + 1 < headers.length; i += 2) {
                exchange.getResponseHeaders().set(headers[i], headers[i + 1]);
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        };
    }

    /** Answers {@code status} with no body and the headers given as name, value, name, value... */
    public static Handler status(int status, String... headers) {
        return exchange -> {
            for (var i = 0; i + 1 < headers.length; i += 2) {
                exchange.getResponseHeaders().set(headers[i], headers[i + 1]);
            }
            exchange.sendResponseHeaders(status, -1);
        };
    }
}
