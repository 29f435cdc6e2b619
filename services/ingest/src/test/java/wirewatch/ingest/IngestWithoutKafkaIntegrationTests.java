package wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** When Kafka cannot be reached, a story is refused with 503 and leaves no trace, so a retry loses nothing. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "wirewatch.api.key=integration-key",
        "wirewatch.ingest.stories.publish-timeout=2s",
        "spring.kafka.admin.auto-create=false",
        "spring.kafka.admin.operation-timeout=2s",
        "spring.kafka.admin.properties.request.timeout.ms=2000",
        "spring.kafka.admin.properties.default.api.timeout.ms=2000"})
class IngestWithoutKafkaIntegrationTests {

    @DynamicPropertySource
    static void unreachableKafka(DynamicPropertyRegistry registry) throws IOException {
        var url = TestDatabases.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        var closedPort = closedPort();
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + closedPort);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private MeterRegistry meters;

    @Test
    void answers503AndRecordsNothingWhenKafkaIsUnreachable() throws Exception {
        var started = System.nanoTime();
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stories"))
                        .header("Authorization", "Bearer integration-key")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"url": "https://example.com/lost", "title": "Not lost", "body": "Retry me."}"""))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        // Admin and publish timeouts of 2 s each bound the wait; the client defaults would take a minute.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        var problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.get("title").asString()).isEqualTo("Could not publish, retry");
        assertThat(problem.get("detail").asString()).contains("nothing was recorded");
        assertThat(jdbc.sql("select count(*) from seen_story").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from story_sketch").query(Integer.class).single()).isZero();
        assertThat(meters.counter("wirewatch.ingest.stories", "source", "api", "result", "published").count()).isZero();
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
