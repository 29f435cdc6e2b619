package wirewatch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRunSettingsTests {

    @TempDir
    Path root;

    @BeforeEach
    void repository() throws Exception {
        Files.createDirectories(root.resolve("services"));
    }

    @Test
    void usesTheDocumentedPortsByDefault() {
        LocalRunSettings settings = LocalRunSettings.from(new String[0], Map.of(), root);

        assertThat(settings.servicePort("ingest")).isEqualTo(8081);
        assertThat(settings.servicePort("classify")).isEqualTo(8082);
        assertThat(settings.servicePort("notify")).isEqualTo(8083);
        assertThat(settings.port("kafka-port")).isEqualTo(9092);
        assertThat(settings.port("postgres-port")).isEqualTo(5433);
        assertThat(settings.port("smtp-port")).isEqualTo(2525);
        assertThat(settings.port("web-port")).isEqualTo(8025);
    }

    @Test
    void takesPortsFromTheCommandLine() {
        LocalRunSettings settings = LocalRunSettings.from(new String[] {"--postgres-port=5544"}, Map.of(), root);

        assertThat(settings.port("postgres-port")).isEqualTo(5544);
    }

    @Test
    void namesTheValidOptionsWhenGivenAnUnknownOne() {
        assertThatThrownBy(() -> LocalRunSettings.from(new String[] {"--kafka=1"}, Map.of(), root))
                .hasMessageContaining("Unknown option --kafka=1").hasMessageContaining("--kafka-port=9092");
    }

    @Test
    void startsPrometheusOnlyWhenAskedOnTheCommandLineOrInTheEnvironment() {
        LocalRunSettings plain = LocalRunSettings.from(new String[0], Map.of(), root);
        LocalRunSettings flagged = LocalRunSettings.from(new String[] {"--prometheus"}, Map.of(), root);
        LocalRunSettings fromEnvironment = LocalRunSettings.from(new String[0],
                Map.of("WIREWATCH_PROMETHEUS", "true"), root);

        assertThat(plain.prometheus()).isFalse();
        assertThat(plain.portsToBind()).doesNotContainKey("prometheus-port");
        assertThat(flagged.prometheus()).isTrue();
        assertThat(flagged.portsToBind()).containsEntry("prometheus-port", 9090);
        assertThat(fromEnvironment.prometheus()).isTrue();
    }

    @Test
    void setsUpForALoadTestOnlyWhenAsked() {
        LocalRunSettings plain = LocalRunSettings.from(new String[0], Map.of(), root);
        LocalRunSettings flagged = LocalRunSettings.from(new String[] {"--load-test", "--kafka-port=19092"},
                Map.of(), root);

        assertThat(plain.loadTest()).isFalse();
        assertThat(flagged.loadTest()).isTrue();
        assertThat(flagged.port("kafka-port")).isEqualTo(19092);
    }

    @Test
    void takesTheApiKeyFromTheEnvironment() {
        LocalRunSettings settings = LocalRunSettings.from(new String[0], Map.of("WIREWATCH_API_KEY", "k-1"), root);

        assertThat(settings.apiKey()).isEqualTo("k-1");
        assertThat(settings.apiKeyGenerated()).isFalse();
    }

    @Test
    void generatesA32CharacterUrlSafeKeyPerRunOtherwise() {
        LocalRunSettings first = LocalRunSettings.from(new String[0], Map.of(), root);
        LocalRunSettings second = LocalRunSettings.from(new String[0], Map.of(), root);

        assertThat(first.apiKey()).hasSize(32).matches("[A-Za-z0-9_-]+");
        assertThat(first.apiKeyGenerated()).isTrue();
        assertThat(first.apiKey()).isNotEqualTo(second.apiKey());
        assertThat(first.toString()).doesNotContain(first.apiKey());
    }

    @Test
    void refusesToRunOutsideTheRepository() {
        assertThatThrownBy(() -> LocalRunSettings.from(new String[0], Map.of(), root.resolve("services")))
                .hasMessageContaining("is not the Wirewatch repository");
    }

    @Test
    void passesExtraJvmOptionsToTheServicesFromTheEnvironment() {
        LocalRunSettings plain = LocalRunSettings.from(new String[0], Map.of(), root);
        LocalRunSettings tuned = LocalRunSettings.from(new String[0],
                Map.of("WIREWATCH_SERVICE_JVM_ARGS", " -XX:+UseSerialGC   -Xmx1g "), root);

        assertThat(plain.serviceJvmArgs()).isEmpty();
        assertThat(tuned.serviceJvmArgs()).containsExactly("-XX:+UseSerialGC", "-Xmx1g");
    }
}
