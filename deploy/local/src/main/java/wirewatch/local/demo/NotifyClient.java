package wirewatch.local.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few calls of notify's management API the demo set-up makes. */
final class NotifyClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final URI baseUrl;
    private final String apiKey;

    record Created(String id, String status, String secret) {
    }

    NotifyClient(URI baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    Created create(Map<String, Object> subscription) {
        HttpResponse<String> response = send(authorized("/api/subscriptions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(subscription))));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("notify refused the demo subscription " + subscription + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return new Created(body.path("id").asString(), body.path("status").asString(""),
                body.path("secret").isMissingNode() || body.path("secret").isNull() ? null
                        : body.path("secret").asString());
    }

    /** The subscription as notify shows it, or empty when notify answers 404. */
    Optional<JsonNode> find(String id) {
        HttpResponse<String> response = send(authorized("/api/subscriptions/" + id).GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/subscriptions/" + id + " answered HTTP " + response.statusCode()
                    + " " + response.body());
        }
        return Optional.of(JSON.readTree(response.body()));
    }

    void delete(String id) {
        send(authorized("/api/subscriptions/" + id).DELETE());
    }

    /** Follows a confirmation link as a person clicking it would. */
    void open(URI link) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(link).timeout(TIMEOUT).GET());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("The confirmation link " + link + " answered HTTP "
                    + response.statusCode() + " " + response.body());
        }
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("notify at " + baseUrl + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling notify", e);
        }
    }
}
