package wirewatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** deploy/grafana as docker-compose.yml mounts it: the dashboard loads and finds its data source. */
class GrafanaProvisioningTests {

    private static final Path ROOT = Path.of(System.getProperty("wirewatch.repository.root", ".."));
    private static final Path GRAFANA = ROOT.resolve("deploy/grafana");

    private final YAMLMapper yaml = YAMLMapper.builder().build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyPanelAndQueryUsesTheProvisionedPrometheusDataSource() throws Exception {
        JsonNode source = yaml.readTree(GRAFANA.resolve("provisioning/datasources/prometheus.yml").toFile())
                .path("datasources").get(0);
        assertThat(source.path("type").asString()).isEqualTo("prometheus");
        assertThat(source.path("url").asString()).isEqualTo("http://prometheus:9090");

        List<JsonNode> panels = queryPanels(dashboard());
        assertThat(panels).hasSizeGreaterThan(10).allSatisfy(panel -> {
            assertThat(panel.at("/datasource/uid").asString()).isEqualTo(source.path("uid").asString());
            assertThat(panel.path("targets").valueStream())
                    .isNotEmpty()
                    .allSatisfy(target -> {
                        assertThat(target.at("/datasource/uid").asString()).isEqualTo(source.path("uid").asString());
                        assertThat(target.path("expr").asString()).isNotBlank();
                    });
        });
    }

    @Test
    void panelsHaveUniqueIdsAndTheDashboardAStableUid() throws Exception {
        JsonNode dashboard = dashboard();
        List<Integer> ids = dashboard.path("panels").valueStream().map(panel -> panel.path("id").asInt()).toList();

        assertThat(ids).doesNotHaveDuplicates().doesNotContain(0);
        assertThat(dashboard.path("uid").asString()).isEqualTo("wirewatch-flow");
    }

    @Test
    void theDashboardProviderReadsTheDirectoryComposeMountsTheDashboardsIn() throws Exception {
        String path = yaml.readTree(GRAFANA.resolve("provisioning/dashboards/wirewatch.yml").toFile())
                .path("providers").get(0).at("/options/path").asString();
        JsonNode grafana = yaml.readTree(ROOT.resolve("docker-compose.yml").toFile()).at("/services/grafana");

        assertThat(grafana.path("volumes").valueStream().map(JsonNode::asString))
                .contains("./deploy/grafana/dashboards:" + path + ":ro")
                .contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro");
        assertThat(grafana.at("/environment/GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH").asString())
                .isEqualTo(path + "/wirewatch-flow.json");
    }

    private JsonNode dashboard() throws Exception {
        Path file = GRAFANA.resolve("dashboards/wirewatch-flow.json");
        assertThat(file).exists();
        return json.readTree(Files.readString(file));
    }

    private static List<JsonNode> queryPanels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            if (!"row".equals(panel.path("type").asString())) {
                panels.add(panel);
            }
        });
        return panels;
    }
}
