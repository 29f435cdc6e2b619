package wirewatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QueriedMetricsTests {

    @Test
    void findsTheMetricsOfAnExpressionButNotItsFunctionsLabelsOrKeywords() {
        assertThat(QueriedMetrics.names("""
                sum by (channel) (rate(wirewatch_notify_deliveries_total{outcome=~"failed|retried"}[10m]))
                /
                sum by (channel) (rate(wirewatch_notify_deliveries_total[10m])) > 0.2
                and on (job) max(kafka_consumer_fetch_manager_records_lag_max offset 5m) > 1e3
                or vector(0)"""))
                .containsExactly("kafka_consumer_fetch_manager_records_lag_max", "wirewatch_notify_deliveries_total");
    }

    @Test
    void ignoresNamesInsideStringsAndLabelValues() {
        assertThat(QueriedMetrics.names("""
                histogram_quantile(0.99, sum by (le) (rate(wirewatch_notify_latency_ingested_seconds_bucket\
                {job="notify", topic!~"not_a_metric"}[5m])))"""))
                .containsExactly("wirewatch_notify_latency_ingested_seconds_bucket");
    }

    @Test
    void readsTheExpressionsOfTheRulesAndTheDashboard() throws Exception {
        var root = Path.of(System.getProperty("wirewatch.repository.root", ".."));

        assertThat(QueriedMetrics.expressions(root))
                .anySatisfy(expr -> assertThat(expr).contains("wirewatch_classify_rules_reloads_total"))
                .anySatisfy(expr -> assertThat(expr).contains("histogram_quantile(0.5,"));
    }
}
