package wirewatch.local.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PrometheusProcessTests {

    private static final String TEMPLATE = """
            global:
              scrape_interval: 15s
            rule_files:
              - rules/*.yml
            scrape_configs:
              - job_name: ingest
                metrics_path: /actuator/prometheus
                static_configs:
                  - targets: ["localhost:8081"]
              - job_name: notify
                static_configs:
                  - targets: ["localhost:8083"]
            """;

    @Test
    void movesEachJobsTargetToItsServicesPortAndPointsAtTheRulesByAbsolutePath() {
        String config = PrometheusProcess.config(TEMPLATE, Map.of("ingest", 18081, "notify", 8083),
                Path.of("/repo/deploy/prometheus/rules"));

        assertThat(config).isEqualTo("""
                global:
                  scrape_interval: 15s
                rule_files:
                  - /repo/deploy/prometheus/rules/*.yml
                scrape_configs:
                  - job_name: ingest
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ["localhost:18081"]
                  - job_name: notify
                    static_configs:
                      - targets: ["localhost:8083"]
                """);
    }

    @Test
    void refusesAJobWithoutAPort() {
        assertThatThrownBy(() -> PrometheusProcess.config(TEMPLATE, Map.of("ingest", 8081), Path.of("/rules")))
                .hasMessage("no port for the scrape job notify");
    }
}
