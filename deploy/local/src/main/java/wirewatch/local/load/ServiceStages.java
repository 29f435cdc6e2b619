package wirewatch.local.load;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the services spent the run, from their own meters: each service's {@code /actuator/prometheus} is scraped
 * before and after, and the report gives, per stage, how often it happened during the run and its mean time, plus
 * each service's CPU time. The latency percentiles say how long a story took; these say which hop took it.
 */
final class ServiceStages {

    /** A timer: mean = difference of {@code <metric>_seconds_sum} over difference of {@code _count}. */
    private record Stage(String service, String label, String metric, String... labelFragments) {
    }

    private static final List<Stage> STAGES = List.of(
            new Stage("ingest", "POST /api/stories → 202", "http_server_requests_seconds",
                    "uri=\"/api/stories\"", "status=\"202\""),
            new Stage("ingest", "waiting for a DB connection", "hikaricp_connections_acquire_seconds"),
            new Stage("ingest", "DB connection held (DB + Kafka ack)", "hikaricp_connections_usage_seconds"),
            new Stage("ingest", "waiting for Kafka's ack", "wirewatch_ingest_publish_seconds"),
            new Stage("classify", "classifying a story", "wirewatch_classify_duration_seconds"),
            new Stage("classify", "a story in the listener", "spring_kafka_listener_seconds"),
            new Stage("notify", "an alert in the listener", "spring_kafka_listener_seconds",
                    "spring_kafka_listener_id=\"notify", "news.alerts.v1"),
            new Stage("notify", "a webhook send", "wirewatch_notify_send_seconds", "channel=\"webhook\""),
            new Stage("notify", "waiting for a DB connection", "hikaricp_connections_acquire_seconds"),
            new Stage("notify", "DB connection held", "hikaricp_connections_usage_seconds"),
            new Stage("notify", "ingested → delivered (its timer)", "wirewatch_notify_latency_ingested_seconds",
                    "channel=\"webhook\""));

    private final LoadHttp http;
    private final Map<String, URI> services;
    private final Map<String, MetricsSnapshot> before = new LinkedHashMap<>();
    private final Map<String, MetricsSnapshot> after = new LinkedHashMap<>();
    private MachineCpu machineBefore;
    private MachineCpu machineAfter;

    /** @param services base URL per service name: ingest, classify, notify */
    ServiceStages(LoadHttp http, Map<String, URI> services) {
        this.http = http;
        this.services = services;
    }

    void before() {
        scrapeInto(before);
        machineBefore = MachineCpu.now();
    }

    void after() {
        machineAfter = MachineCpu.now();
        scrapeInto(after);
    }

    /** A service that does not answer is left out, and reported as such: the latencies still stand. */
    private void scrapeInto(Map<String, MetricsSnapshot> snapshots) {
        services.forEach((name, url) -> {
            try {
                var answer = http.get(url.resolve("/actuator/prometheus"));
                if (answer.status() == 200) {
                    snapshots.put(name, MetricsSnapshot.parse(answer.body()));
                }
            } catch (IOException e) {
                // left out
            }
        });
    }

    String render() {
        var out = new StringBuilder("services   during the run, from their /actuator/prometheus: count, mean ms\n");
        double servicesCpu = 0;
        double classified = classified();
        for (String service : services.keySet()) {
            MetricsSnapshot start = before.get(service);
            MetricsSnapshot end = after.get(service);
            if (start == null || end == null) {
                out.append("  %-9s no metrics: /actuator/prometheus did not answer %s the run%n".formatted(service,
                        start == null ? "before" : "after"));
                continue;
            }
            double cpuSeconds = (end.sum("process_cpu_time_ns_total") - start.sum("process_cpu_time_ns_total")) / 1e9;
            servicesCpu += cpuSeconds;
            out.append("  %-9s CPU %.1f s%s%n".formatted(service, cpuSeconds, perStory(cpuSeconds, classified)));
            for (Stage stage : STAGES) {
                if (stage.service().equals(service)) {
                    double count = delta(start, end, stage.metric() + "_count", stage.labelFragments());
                    double sum = delta(start, end, stage.metric() + "_sum", stage.labelFragments());
                    out.append("            %-40s %8.0f %10s%n".formatted(stage.label(), count,
                            count > 0 ? "%.1f".formatted(sum / count * 1e3) : "-"));
                }
            }
        }
        machine(out, servicesCpu, classified);
        return out.toString();
    }

    /**
     * The machine's busy CPU beside the services': the rest is Kafka's, PostgreSQL's and this harness's (and that
     * of anything else running, which the load average shows).
     */
    private void machine(StringBuilder out, double servicesCpu, double stories) {
        double harness = machineAfter.harnessSeconds() - machineBefore.harnessSeconds();
        if (machineBefore.machineBusySeconds().isEmpty() || machineAfter.machineBusySeconds().isEmpty()) {
            out.append("  machine   CPU unknown (no /proc/stat); this harness %.1f s%n".formatted(harness));
            return;
        }
        double busy = machineAfter.machineBusySeconds().getAsDouble()
                - machineBefore.machineBusySeconds().getAsDouble();
        out.append("  machine   CPU %.1f s%s: the services %.1f s, this harness %.1f s, the rest %.1f s%n".formatted(
                busy, perStory(busy, stories), servicesCpu, harness, busy - servicesCpu - harness));
        out.append("            (the rest: Kafka, PostgreSQL and anything else running)%n".formatted());
    }

    /** Stories classify classified during the run; zero when its meters are missing. */
    private double classified() {
        var start = before.get("classify");
        var end = after.get("classify");
        return start == null || end == null ? 0 : delta(start, end, "wirewatch_classify_duration_seconds_count");
    }

    /** CPU per story classified during the run, the one count every service's work follows. */
    private static String perStory(double cpuSeconds, double stories) {
        return stories > 0 ? ", %.2f ms per story classified".formatted(cpuSeconds / stories * 1e3) : "";
    }

    private static double delta(MetricsSnapshot start, MetricsSnapshot end, String name, String... fragments) {
        return end.sum(name, fragments) - start.sum(name, fragments);
    }
}
