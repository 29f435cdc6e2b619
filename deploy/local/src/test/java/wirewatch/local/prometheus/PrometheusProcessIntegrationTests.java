package wirewatch.local.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Starts the real Prometheus binary when one is installed (CI installs Debian's); skipped otherwise. */
class PrometheusProcessIntegrationTests {

    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();

    @TempDir
    Path data;

    @Test
    void scrapesEveryServiceAndLoadsTheAlertRules() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prometheus")), "no prometheus installed");
        HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/actuator/prometheus", exchange -> {
            byte[] body = "wirewatch_notify_alerts_total 3.0\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        int port = service.getAddress().getPort();
        Path log = data.resolve("prometheus.log");
        try (PrometheusProcess prometheus = PrometheusProcess.start(new PrometheusProcess.Settings(
                REPOSITORY.resolve("deploy/prometheus/prometheus-local.yml"),
                REPOSITORY.resolve("deploy/prometheus/rules"),
                Map.of("ingest", port, "classify", port, "notify", port), data, log, freePort()))) {
            prometheus.awaitReady(log);

            JsonNode rules = get(prometheus.url() + "/api/v1/rules");
            assertThat(rules.findValues("name").stream().map(JsonNode::asString))
                    .contains("WirewatchNoStories", "WirewatchConsumerLagGrowing", "WirewatchEndToEndLatencyHigh");
            await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertThat(
                    get(prometheus.url() + "/api/v1/query?query=sum(up)%20by%20(job)").at("/data/result"))
                    .hasSize(3)
                    .allSatisfy(result -> assertThat(result.at("/value/1").asString()).isEqualTo("1")));
        } finally {
            service.stop(0);
        }
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return JsonMapper.builder().build().readTree(body);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
