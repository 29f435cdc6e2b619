package wirewatch.local.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadHttpTests {

    private record Seen(String method, String path, String authorization, String contentType, String body) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer server;
    private URI base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/stories", exchange -> answer(exchange, 202, "{\"id\":\"s-1\"}"));
        server.createContext("/api/subscriptions/", exchange -> answer(exchange, 204, null));
        server.createContext("/refused", exchange -> answer(exchange, 503, "{\"title\":\"Busy\"}"));
        server.createContext("/hangs", exchange -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "late");
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() {
        released.countDown();
        server.stop(0);
    }

    @Test
    void postsJsonWithTheApiKeyAndReturnsStatusAndBody() throws IOException {
        try (var http = new LoadHttp("the-key", Duration.ofSeconds(5), 4)) {
            var answer = http.postJson(base.resolve("/api/stories"), "{\"title\":\"Truce – „agreed“\"}");

            assertThat(answer).isEqualTo(new LoadHttp.Answer(202, "{\"id\":\"s-1\"}"));
        }
        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.authorization()).isEqualTo("Bearer the-key");
            assertThat(request.contentType()).startsWith("application/json");
            assertThat(request.body()).isEqualTo("{\"title\":\"Truce – „agreed“\"}");
        });
    }

    @Test
    void returnsARefusalInsteadOfThrowing() throws IOException {
        try (var http = new LoadHttp("the-key", Duration.ofSeconds(5), 4)) {
            assertThat(http.get(base.resolve("/refused")).status()).isEqualTo(503);
        }
    }

    @Test
    void deletesWithTheApiKey() throws IOException {
        try (var http = new LoadHttp("the-key", Duration.ofSeconds(5), 4)) {
            assertThat(http.delete(base.resolve("/api/subscriptions/42")).status()).isEqualTo(204);
        }
        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("DELETE");
            assertThat(request.path()).isEqualTo("/api/subscriptions/42");
            assertThat(request.authorization()).isEqualTo("Bearer the-key");
        });
    }

    @Test
    void givesUpOnAnAnswerThatTakesLongerThanTheTimeout() throws IOException {
        try (var http = new LoadHttp("the-key", Duration.ofMillis(300), 4)) {
            assertThatExceptionOfType(SocketTimeoutException.class)
                    .isThrownBy(() -> http.get(base.resolve("/hangs")));
        }
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            if (body == null) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        }
    }
}
