package wirewatch.local.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LoadSettingsTests {

    private static final Map<String, String> KEY = Map.of("WIREWATCH_API_KEY", "secret-key");

    @Test
    void readsRateAndDurationWithLocalDefaults() {
        var settings = LoadSettings.from(new String[] {"--rate", "200", "--duration=30s"}, KEY);

        assertThat(settings.schedule()).isEqualTo(new Schedule(200, Duration.ofSeconds(30), Duration.ofSeconds(5)));
        assertThat(settings.grace()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.ingestUrl()).isEqualTo(URI.create("http://localhost:8081"));
        assertThat(settings.classifyUrl()).isEqualTo(URI.create("http://localhost:8082"));
        assertThat(settings.notifyUrl()).isEqualTo(URI.create("http://localhost:8083"));
        assertThat(settings.apiKey()).isEqualTo("secret-key");
    }

    @Test
    void refusesRatesAndDurationsAboveTheCaps() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LoadSettings.from(new String[] {"--rate", "5000", "--duration", "10s"}, KEY))
                .withMessageContaining("--rate 5000 is above the cap of 2000");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LoadSettings.from(new String[] {"--rate", "10", "--duration", "6m"}, KEY))
                .withMessageContaining("--duration 360s is above the cap of 300s");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LoadSettings.from(new String[] {"--rate", "1000", "--duration", "3m"}, KEY))
                .withMessageContaining("--rate 1000 for 180s would send 180000 stories");
    }

    @Test
    void refusesTargetsOffThisMachine() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LoadSettings.from(new String[] {"--rate", "10", "--duration", "10s",
                        "--ingest", "http://192.0.2.10:8081"}, KEY))
                .withMessageContaining("only drives services on this machine");
    }

    @Test
    void asksForTheApiKeyWhenNoneIsGiven() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LoadSettings.from(new String[] {"--rate", "10", "--duration", "10s"}, Map.of()))
                .withMessageContaining("WIREWATCH_API_KEY");
    }

    @Test
    void namesAMalformedDuration() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LoadSettings.from(new String[] {"--rate", "10", "--duration", "thirty"}, KEY))
                .withMessageContaining("--duration must be a duration such as 30s");
    }
}
