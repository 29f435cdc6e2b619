package wirewatch.notify.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import wirewatch.events.Alert;
import wirewatch.notify.subscription.Channel;

@Component
class DeliveryMetrics {

    /** Set by classify from the story's {@code ingestedAt}; absent on a replay, which starts a trace of its own. */
    static final String INGESTED_AT_BAGGAGE = "wirewatch-ingested-at";

    private final MeterRegistry registry;
    /** Meters by name and tags, looked up once: building a meter's id for every delivery was most of its cost. */
    private final Map<String, Meter> meters = new ConcurrentHashMap<>();
    private final Counter alerts;
    private final Tracer tracer;
    private final Clock clock = Clock.systemUTC();

    DeliveryMetrics(MeterRegistry registry, Tracer tracer) {
        this.registry = registry;
        this.tracer = tracer;
        this.alerts = Counter.builder("wirewatch.notify.alerts").description("Alerts consumed").register(registry);
    }

    void alertConsumed() {
        alerts.increment();
    }

    /**
     * Also the end-to-end latency of an alert, from the story's publication and from ingest first seeing it. A digest
     * waits for its period on purpose, so it counts as a delivery but stays out of the latency objective.
     */
    void delivered(Channel channel, DeliveryContent content) {
        deliveries(channel, "delivered");
        if (content instanceof DeliveryContent.OfAlert(var alert)) {
            recordLatency(channel, alert);
        }
    }

    private void recordLatency(Channel channel, Alert alert) {
        var now = clock.instant();
        var published = alert.story() == null ? null : alert.story().publishedAt();
        latency("wirewatch.notify.latency.published", "From the story's publishedAt to its delivery", channel,
                published, now);
        latency("wirewatch.notify.latency.ingested", "From ingest first seeing the story to its delivery", channel,
                ingestedAt(), now);
    }

    private void latency(String name, String description, Channel channel, Instant since, Instant now) {
        if (since == null || since.isAfter(now)) {
            return; // unknown, or a publisher's clock ahead of ours
        }
        meter(name + channel.id(), () -> Timer.builder(name)
                .description(description)
                .tag("channel", channel.id())
                .register(registry))
                .record(Duration.between(since, now));
    }

    private Instant ingestedAt() {
        var value = tracer.getBaggage(INGESTED_AT_BAGGAGE).get();
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An attempt failed and another one is scheduled. */
    void retried(Channel channel) {
        deliveries(channel, "retried");
    }

    /** The last attempt failed, or a failure that retrying would only repeat. */
    void deadLettered(Channel channel) {
        deliveries(channel, "dead_lettered");
    }

    /** The receiver answered 410 Gone. */
    void gone(Channel channel) {
        deliveries(channel, "gone");
    }

    void skippedDuplicate(Channel channel) {
        deliveries(channel, "skipped_duplicate");
    }

    /** @param reason {@code failing} or {@code gone} */
    void subscriptionDisabled(String reason) {
        Counter.builder("wirewatch.notify.subscriptions.disabled")
                .description("Subscriptions notify disabled because their endpoint failed or is gone")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    SendOutcome timeSend(Channel channel, Supplier<SendOutcome> send) {
        return meter("send " + channel.id(), () -> Timer.builder("wirewatch.notify.send")
                .description("Time one send attempt takes, whatever its outcome")
                .tag("channel", channel.id())
                .register(registry))
                .record(send);
    }

    private void deliveries(Channel channel, String outcome) {
        meter("deliveries " + channel.id() + " " + outcome, () -> Counter.builder("wirewatch.notify.deliveries")
                .description("Delivery attempts by channel and what came of them")
                .tag("channel", channel.id())
                .tag("outcome", outcome)
                .register(registry))
                .increment();
    }

    @SuppressWarnings("unchecked")
    private <M extends Meter> M meter(String key, Supplier<M> registered) {
        var meter = meters.get(key);
        if (meter == null) {
            meter = meters.computeIfAbsent(key, any -> registered.get());
        }
        return (M) meter;
    }
}
