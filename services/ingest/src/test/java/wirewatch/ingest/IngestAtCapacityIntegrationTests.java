package wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * When every database connection is taken, a story is refused quickly with 503 and Retry-After instead of queueing
 * for Hikari's default 30 s, and nothing of it is recorded. Kafka is unreachable here: a refused story never gets
 * that far.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "wirewatch.api.key=integration-key",
        "spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.connection-timeout=1000",
        "spring.kafka.admin.auto-create=false",
        "spring.kafka.admin.operation-timeout=2s",
        "spring.kafka.admin.properties.request.timeout.ms=2000",
        "spring.kafka.admin.properties.default.api.timeout.ms=2000"})
class IngestAtCapacityIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        var url = TestDatabases.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        try (var socket = new ServerSocket(0)) {
            int closedPort = socket.getLocalPort();
            registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + closedPort);
        }
    }

    @LocalServerPort
    private int port;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void answers503WithRetryAfterAtOnceWhenNoDatabaseConnectionIsFree() throws Exception {
        HttpResponse<String> response;
        Duration waited;
        try (var first = dataSource.getConnection(); var second = dataSource.getConnection()) {
            var started = System.nanoTime();
            response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stories"))
                            .header("Authorization", "Bearer integration-key")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"url": "https://example.com/busy", "title": "Busy", "body": "Retry me."}"""))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            waited = Duration.ofNanos(System.nanoTime() - started);
        }

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(waited).isLessThan(Duration.ofSeconds(10));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        var problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.get("title").asString()).isEqualTo("Busy, retry");
        assertThat(problem.get("detail").asString()).contains("nothing was recorded");
        assertThat(jdbc.sql("select count(*) from seen_story").query(Integer.class).single()).isZero();
    }
}
