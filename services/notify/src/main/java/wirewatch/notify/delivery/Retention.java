package wirewatch.notify.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import wirewatch.notify.routing.RoutingRetention;

/**
 * One retention run over every table that grows with the alerts, in an order where each step frees what the next
 * may delete: routing state, the delivery history, digests (whose items hold alerts), then the alerts themselves.
 * Each step counts what it removed in {@code wirewatch.notify.retention.removed{table}}; a run that removed
 * anything says so in one log line. Every step is idempotent and locks only what it deletes, so several notify
 * instances may run it at the same time.
 */
@Component
class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final RoutingRetention routing;
    private final HistoryRetention history;
    private final AlertRetention alerts;
    private final RetentionProperties properties;
    private final Clock clock;
    private final Map<String, Counter> removed = new LinkedHashMap<>();

    Retention(RoutingRetention routing, HistoryRetention history, AlertRetention alerts,
              RetentionProperties properties, Clock clock, MeterRegistry registry) {
        this.routing = routing;
        this.history = history;
        this.alerts = alerts;
        this.properties = properties;
        this.clock = clock;
        for (var table : new String[] {"flood_keys", "instant_counts", "routing_decisions", "deliveries", "digests",
                "alerts"}) {
            removed.put(table, Counter.builder("wirewatch.notify.retention.removed").tag("table", table)
                    .description("Rows retention deleted, by table").register(registry));
        }
    }

    void run() {
        int batchSize = properties.batchSize();
        var counts = new LinkedHashMap<String, Integer>();
        step(counts, "flood_keys", () -> routing.removeExpiredFloodKeys(batchSize));
        step(counts, "instant_counts", () -> routing.removePastHourlyCounts(batchSize));
        step(counts, "routing_decisions", () -> routing.removeDecisionsBefore(
                clock.instant().minus(properties.history()), batchSize));
        step(counts, "deliveries", history::removeExpiredDeliveries);
        step(counts, "digests", history::removeExpiredDigests);
        step(counts, "alerts", alerts::deleteExpired);
        if (!counts.isEmpty()) {
            log.info("Retention removed {} (alerts and digests kept {}, history {})",
                    counts.entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey())
                            .collect(Collectors.joining(", ")),
                    describe(properties.alerts()), describe(properties.history()));
        }
    }

    private static String describe(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private void step(Map<String, Integer> counts, String table, IntSupplier step) {
        int count = step.getAsInt();
        removed.get(table).increment(count);
        if (count > 0) {
            counts.put(table, count);
        }
    }
}
