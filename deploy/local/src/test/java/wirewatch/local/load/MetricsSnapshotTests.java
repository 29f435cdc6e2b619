package wirewatch.local.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricsSnapshotTests {

    private static final String SCRAPE = """
            # HELP hikaricp_connections_usage_seconds Connection usage time
            # TYPE hikaricp_connections_usage_seconds summary
            hikaricp_connections_usage_seconds_count{pool="HikariPool-1"} 1489
            hikaricp_connections_usage_seconds_sum{pool="HikariPool-1"} 1104.25
            http_server_requests_seconds_count{method="POST",status="202",uri="/api/stories"} 1485
            http_server_requests_seconds_count{method="POST",status="500",uri="/api/stories"} 15
            http_server_requests_seconds_count{method="GET",status="200",uri="/actuator/health"} 7
            http_server_requests_seconds_count{method="GET",status="200",uri="/api/feeds/{id}"} 3
            process_cpu_time_ns_total 3.56E10
            wirewatch_classify_duration_seconds_bucket{le="0.005"} 12 # {trace_id="4bf9"} 0.004 1732500000.000
            """;

    @Test
    void sumsTheSeriesOfANameWhoseLabelsContainEveryFragment() {
        var snapshot = MetricsSnapshot.parse(SCRAPE);

        assertThat(snapshot.sum("hikaricp_connections_usage_seconds_sum")).isEqualTo(1104.25);
        assertThat(snapshot.sum("http_server_requests_seconds_count", "uri=\"/api/stories\"")).isEqualTo(1500);
        assertThat(snapshot.sum("http_server_requests_seconds_count", "uri=\"/api/stories\"", "status=\"202\""))
                .isEqualTo(1485);
        assertThat(snapshot.sum("http_server_requests_seconds_count", "{id}")).isEqualTo(3);
        assertThat(snapshot.sum("process_cpu_time_ns_total")).isEqualTo(3.56e10);
        assertThat(snapshot.sum("wirewatch_classify_duration_seconds_bucket")).isEqualTo(12);
    }

    @Test
    void countsAMissingSeriesAsZero() {
        assertThat(MetricsSnapshot.parse(SCRAPE).sum("wirewatch_notify_send_seconds_sum")).isZero();
    }
}
