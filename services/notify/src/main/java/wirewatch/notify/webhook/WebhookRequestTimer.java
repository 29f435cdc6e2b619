package wirewatch.notify.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times each webhook request as {@code wirewatch.notify.webhook.requests}, tagged by method, status, outcome and
 * exception with the values Micrometer's Apache HttpClient observation gives them, and never by target (one time
 * series per subscriber). A plain timer looked up once per tag combination: an observation per request, with its
 * client span, cost more than the request's own HTTP work.
 */
final class WebhookRequestTimer {

    private static final String METHOD = "POST";

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    WebhookRequestTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    void answered(long startedNanos, int status) {
        var key = Integer.toString(status);
        timer(key, key, Outcome.forStatus(status).name(), "none").record(System.nanoTime() - startedNanos,
                TimeUnit.NANOSECONDS);
    }

    void failed(long startedNanos, Exception error) {
        var exception = error.getClass().getSimpleName();
        timer("IO_ERROR " + exception, "IO_ERROR", "UNKNOWN", exception).record(System.nanoTime() - startedNanos,
                TimeUnit.NANOSECONDS);
    }

    private Timer timer(String key, String status, String outcome, String exception) {
        return timers.computeIfAbsent(key, any -> Timer.builder("wirewatch.notify.webhook.requests")
                .description("Outgoing webhook HTTP requests")
                .tag("method", METHOD)
                .tag("status", status)
                .tag("outcome", outcome)
                .tag("exception", exception)
                .register(registry));
    }
}
