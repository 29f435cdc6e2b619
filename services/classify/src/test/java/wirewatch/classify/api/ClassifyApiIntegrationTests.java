package wirewatch.classify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Topics;

/** The HTTP API over a real server; same configuration as the pipeline test so the context is shared. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "wirewatch.api.key=integration-test-key"})
@EmbeddedKafka(partitions = 1, topics = Topics.STORIES)
class ClassifyApiIntegrationTests {

    private static final String KEY = "integration-test-key";

    @LocalServerPort
    private int port;

    @Autowired
    private JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void dryRunReturnsMatchesWithEvidenceStanceAndVersion() throws Exception {
        var response = post("/api/classify", KEY,
                "{\"title\": \"Kyiv rejects Russian demand for neutrality\", \"body\": \"Ukraine will not accept a neutral status, Zelensky said.\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        var body = json.readTree(response.body());
        assertThat(body.get("categories").toString()).isEqualTo("[\"NEUTRALITY\"]");
        assertThat(body.get("rulesetVersion").asString()).startsWith("sha256:");
        JsonNode match = body.get("matches").get(0);
        assertThat(match.get("ruleId").asString()).isEqualTo("neutrality-as-a-settlement-term");
        assertThat(match.get("stance").asString()).isEqualTo("REJECTED");
        assertThat(match.get("evidence").get(0).asString()).isEqualTo("Kyiv rejects Russian demand for neutrality");
        assertThat(body.get("ruleErrors").isEmpty()).isTrue();
    }

    @Test
    void rejectsAStoryWithNeitherTitleNorBody() throws Exception {
        var response = post("/api/classify", KEY, "{\"title\": \" \", \"body\": \"\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("'title' and 'body'");
    }

    @Test
    void refusesCallsWithoutTheRightKey() throws Exception {
        var missing = http.send(HttpRequest.newBuilder(uri("/api/rules")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        var wrong = post("/api/classify", "not-the-key", "{\"title\": \"truce\"}");

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json.readTree(wrong.body()).get("detail").asString()).contains("Bearer");
    }

    @Test
    void listsTheLoadedRulesWithTheirSourceLines() throws Exception {
        var response = http.send(HttpRequest.newBuilder(uri("/api/rules"))
                .header("Authorization", "Bearer " + KEY).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        var body = json.readTree(response.body());
        assertThat(body.get("version").asString()).matches("sha256:[0-9a-f]{64}");
        assertThat(body.get("ruleCount").asInt()).isEqualTo(body.get("rules").size()).isGreaterThanOrEqualTo(8);
        assertThat(body.get("status").get("outcome").asString()).isEqualTo("APPLIED");
        assertThat(body.get("rules").valueStream().map(rule -> rule.get("source").asString()))
                .contains("rules/ceasefire.yaml:5");
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
