package wirewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class SubscriptionApiIntegrationTests extends IntegrationTestSupport {

    private final List<String> created = new ArrayList<>();

    private static final String VALID_WEBHOOK = """
            {"channel": "webhook", "target": "https://hooks.example.org/in", "categories": ["CEASEFIRE"],
             "mode": "instant"}""";

    @Test
    void refusesCallsWithoutTheApiKey() throws Exception {
        var missing = call("POST", "/api/subscriptions", VALID_WEBHOOK, null);
        var wrong = call("GET", "/api/subscriptions/" + UUID.randomUUID(), null, "not-the-key");

        for (var response : List.of(missing, wrong)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json.readTree(response.body()).path("detail").asString()).contains("Authorization");
        }
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("channel", """
                        {"channel": "sms", "target": "+4912345", "categories": ["CEASEFIRE"], "mode": "instant"}"""),
                Arguments.of("target", """
                        {"channel": "webhook", "target": "ftp://example.org/in", "categories": ["CEASEFIRE"],
                         "mode": "instant"}"""),
                Arguments.of("target", """
                        {"channel": "webhook", "target": "/relative/path", "categories": ["CEASEFIRE"],
                         "mode": "instant"}"""),
                Arguments.of("target", """
                        {"channel": "email", "target": "not an address", "categories": ["CEASEFIRE"],
                         "mode": "instant"}"""),
                Arguments.of("target", """
                        {"channel": "email", "target": "Reader <reader@example.org>", "categories": ["CEASEFIRE"],
                         "mode": "instant"}"""),
                Arguments.of("categories", """
                        {"channel": "webhook", "target": "https://hooks.example.org/in", "categories": [],
                         "mode": "instant"}"""),
                Arguments.of("categories", """
                        {"channel": "webhook", "target": "https://hooks.example.org/in", "categories": ["ceasefire"],
                         "mode": "instant"}"""),
                Arguments.of("minConfidence", """
                        {"channel": "webhook", "target": "https://hooks.example.org/in", "categories": ["CEASEFIRE"],
                         "minConfidence": 1.5, "mode": "instant"}"""),
                Arguments.of("mode", """
                        {"channel": "webhook", "target": "https://hooks.example.org/in", "categories": ["CEASEFIRE"],
                         "mode": "weekly"}"""),
                Arguments.of("keywords", """
                        {"channel": "webhook", "target": "https://hooks.example.org/in", "categories": ["CEASEFIRE"],
                         "keywords": ["Crimea", " -- "], "mode": "instant"}"""),
                Arguments.of("keywords", """
                        {"channel": "webhook", "target": "https://hooks.example.org/in", "categories": ["CEASEFIRE"],
                         "keywords": ["%s"], "mode": "instant"}""".formatted("long ".repeat(21))),
                Arguments.of("keywords", """
                        {"channel": "webhook", "target": "https://hooks.example.org/in", "categories": ["CEASEFIRE"],
                         "keywords": [%s], "mode": "instant"}""".formatted(
                        String.join(",", Stream.iterate(1, n -> n + 1).limit(26).map(n -> "\"k" + n + "\"").toList()))),
                Arguments.of("sources", """
                        {"channel": "webhook", "target": "https://hooks.example.org/in", "categories": ["CEASEFIRE"],
                         "sources": ["https://reuters.com/world"], "mode": "instant"}"""),
                Arguments.of("sources", """
                        {"channel": "webhook", "target": "https://hooks.example.org/in", "categories": ["CEASEFIRE"],
                         "sources": ["localhost"], "mode": "instant"}"""),
                Arguments.of("digest", """
                        {"channel": "webhook", "target": "https://hooks.example.org/in", "categories": ["CEASEFIRE"],
                         "mode": "digest"}"""),
                Arguments.of("digest", """
                        {"channel": "webhook", "target": "https://hooks.example.org/in", "categories": ["CEASEFIRE"],
                         "mode": "instant", "digest": {"frequency": "daily"}}"""),
                Arguments.of("digest.frequency", """
                        {"channel": "webhook", "target": "https://hooks.example.org/in", "categories": ["CEASEFIRE"],
                         "mode": "digest", "digest": {"frequency": "weekly"}}"""),
                Arguments.of("digest.hour", """
                        {"channel": "webhook", "target": "https://hooks.example.org/in", "categories": ["CEASEFIRE"],
                         "mode": "digest", "digest": {"frequency": "daily", "hour": 24}}"""),
                Arguments.of("digest.hour", """
                        {"channel": "webhook", "target": "https://hooks.example.org/in", "categories": ["CEASEFIRE"],
                         "mode": "digest", "digest": {"frequency": "daily", "hour": 7.5}}"""),
                Arguments.of("digest.hour", """
                        {"channel": "webhook", "target": "https://hooks.example.org/in", "categories": ["CEASEFIRE"],
                         "mode": "digest", "digest": {"frequency": "hourly", "hour": 8}}"""),
                Arguments.of("digest.timeZone", """
                        {"channel": "webhook", "target": "https://hooks.example.org/in", "categories": ["CEASEFIRE"],
                         "mode": "digest", "digest": {"frequency": "daily", "timeZone": "Europe/Atlantis"}}"""),
                Arguments.of("digest.timeZone", """
                        {"channel": "webhook", "target": "https://hooks.example.org/in", "categories": ["CEASEFIRE"],
                         "mode": "digest", "digest": {"frequency": "daily", "timeZone": "+02:00"}}"""));
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void refusesInvalidRequestsNamingTheField(String field, String request) throws Exception {
        var response = call("POST", "/api/subscriptions", request);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var problem = json.readTree(response.body());
        assertThat(problem.path("field").asString()).isEqualTo(field);
        assertThat(problem.path("detail").asString()).startsWith(field + " ");
    }

    @Test
    void returnsTheWebhookSecretOnlyWhenCreating() throws Exception {
        var response = call("POST", "/api/subscriptions", VALID_WEBHOOK);

        assertThat(response.statusCode()).isEqualTo(201);
        var created = json.readTree(response.body());
        var id = created.path("id").asString();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/subscriptions/" + id);
        assertThat(created.path("status").asString()).isEqualTo("active");
        var secret = created.path("secret").asString();
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{32}");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(24);

        var read = call("GET", "/api/subscriptions/" + id, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(secret).doesNotContain("secret");
        var subscription = json.readTree(read.body());
        assertThat(subscription.path("channel").asString()).isEqualTo("webhook");
        assertThat(subscription.path("target").asString()).isEqualTo("https://hooks.example.org/in");
        assertThat(subscription.path("categories").values()).extracting(node -> node.asString())
                .containsExactly("CEASEFIRE");
        assertThat(subscription.path("minConfidence").asDouble()).isEqualTo(0.0);
        assertThat(subscription.path("mode").asString()).isEqualTo("instant");
        assertThat(subscription.has("createdAt")).isTrue();
    }

    @Test
    void storesFiltersAndADailyDigestScheduleAsNormalised() throws Exception {
        var created = subscribe(Map.of("channel", "webhook", "target", "https://hooks.example.org/digest",
                "categories", List.of("TERRITORY", "CEASEFIRE"), "minConfidence", 0.4,
                "keywords", List.of("Crimea", "  Zaporizhzhia   Nuclear plant ", "crimea"),
                "sources", List.of("Reuters.com", "bbc.co.uk"), "mode", "digest",
                "digest", Map.of("frequency", "daily", "hour", 7, "timeZone", "Europe/Kyiv")));

        var subscription = getJson("/api/subscriptions/" + created.path("id").asString());
        assertThat(subscription.path("mode").asString()).isEqualTo("digest");
        assertThat(subscription.path("digest").path("frequency").asString()).isEqualTo("daily");
        assertThat(subscription.path("digest").path("hour").asInt()).isEqualTo(7);
        assertThat(subscription.path("digest").path("timeZone").asString()).isEqualTo("Europe/Kyiv");
        assertThat(subscription.path("minConfidence").asDouble()).isEqualTo(0.4);
        assertThat(subscription.path("keywords").values()).extracting(node -> node.asString())
                .containsExactly("crimea", "zaporizhzhia nuclear plant");
        assertThat(subscription.path("sources").values()).extracting(node -> node.asString())
                .containsExactly("reuters.com", "bbc.co.uk");
        assertThat(subscription.has("disabledReason")).isFalse();
        deleteLater(created);
    }

    @Test
    void defaultsAnHourlyDigestToUtcAndADailyOneToEightOClock() throws Exception {
        var hourly = subscribe(Map.of("channel", "webhook", "target", "https://hooks.example.org/hourly",
                "categories", List.of("CEASEFIRE"), "mode", "digest", "digest", Map.of("frequency", "hourly")));
        var daily = subscribe(Map.of("channel", "webhook", "target", "https://hooks.example.org/daily",
                "categories", List.of("CEASEFIRE"), "mode", "digest", "digest", Map.of("frequency", "daily")));

        var hourlyDigest = getJson("/api/subscriptions/" + hourly.path("id").asString()).path("digest");
        assertThat(hourlyDigest.path("frequency").asString()).isEqualTo("hourly");
        assertThat(hourlyDigest.has("hour")).isFalse();
        assertThat(hourlyDigest.path("timeZone").asString()).isEqualTo("UTC");
        var dailyDigest = getJson("/api/subscriptions/" + daily.path("id").asString()).path("digest");
        assertThat(dailyDigest.path("hour").asInt()).isEqualTo(8);
        assertThat(dailyDigest.path("timeZone").asString()).isEqualTo("UTC");
        deleteLater(hourly);
        deleteLater(daily);
    }

    // Other tests share the context and send alerts; a subscription left behind would collect them.
    @AfterEach
    void deleteSubscriptions() throws Exception {
        for (var id : created) {
            call("DELETE", "/api/subscriptions/" + id, null);
        }
    }

    private void deleteLater(JsonNode subscription) {
        created.add(subscription.path("id").asString());
    }

    @Test
    void deletesASubscriptionAndItsHistory() throws Exception {
        var id = subscribe(Map.of("channel", "webhook", "target", "https://hooks.example.org/gone",
                "categories", List.of("CEASEFIRE"), "mode", "instant")).path("id").asString();
        assertThat(getJson("/api/subscriptions/" + id + "/deliveries").isArray()).isTrue();

        assertThat(call("DELETE", "/api/subscriptions/" + id, null).statusCode()).isEqualTo(204);

        for (var path : List.of("/api/subscriptions/" + id, "/api/subscriptions/" + id + "/deliveries")) {
            var response = call("GET", path, null);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(call("DELETE", "/api/subscriptions/" + id, null).statusCode()).isEqualTo(404);
    }
}
