package wirewatch.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A real HTTP server that records every webhook request. It answers with the status named in the path:
 * {@code /hooks/200/anything} answers 200, {@code /hooks/410/anything} answers 410 Gone.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String path, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            var receiver = new WebhookReceiver(server);
            server.createContext("/hooks/", receiver::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL that answers {@code status}; {@code name} tells receivers apart. */
    String url(int status, String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + status + "/" + name;
    }

    List<Received> receivedAt(String url) {
        return received.stream().filter(request -> url.endsWith(request.path())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders().entrySet().stream().collect(Collectors.toMap(
                    entry -> entry.getKey().toLowerCase(Locale.ROOT), entry -> String.join(",", entry.getValue())));
            var path = exchange.getRequestURI().getPath();
            received.add(new Received(path, headers, body));
            var status = Integer.parseInt(path.split("/")[2]);
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
