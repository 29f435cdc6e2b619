package wirewatch.local.process;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Ready when {@code GET /actuator/health} answers 200 with a top-level {@code "status": "UP"}. */
public final class ActuatorHealthCheck implements ReadinessCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI health;

    public ActuatorHealthCheck(URI health) {
        this.health = health;
    }

    public static ActuatorHealthCheck onLocalPort(int port) {
        return new ActuatorHealthCheck(URI.create("http://localhost:" + port + "/actuator/health"));
    }

    @Override
    public boolean isReady() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return false;
        }
        JsonNode status = JSON.readTree(response.body()).path("status");
        return "UP".equals(status.asString(""));
    }

    @Override
    public String toString() {
        return "GET " + health + " = UP";
    }
}
