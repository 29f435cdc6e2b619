package wirewatch.ingest.feed.poll;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code wirewatch.ingest.feed.polls{feed,outcome}}, {@code wirewatch.ingest.feed.duplicates{feed}} and the
 * gauge {@code wirewatch.ingest.feed.failures{feed}} (consecutive failures), tagged with the feed's name.
 * Stories published and rejected per feed are {@code wirewatch.ingest.stories{source=<feed name>,result}}.
 * An instance reports the failure gauge only for the feeds it polls, so summing it across instances counts
 * each feed once.
 */
@Component
class FeedMetrics {

    enum PollOutcome {
        OK, NOT_MODIFIED, FAILED, RATE_LIMITED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Map<String, FailureGauge> failures = new ConcurrentHashMap<>();

    FeedMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void polled(String feedId, String feedName, PollOutcome outcome, int consecutiveFailures) {
        Counter.builder("wirewatch.ingest.feed.polls")
                .description("Feed polls by outcome")
                .tag("feed", feedName)
                .tag("outcome", outcome.tag())
                .register(registry)
                .increment();
        failures.computeIfAbsent(feedId, id -> new FailureGauge(feedName)).value.set(consecutiveFailures);
    }

    void duplicate(String feedName) {
        Counter.builder("wirewatch.ingest.feed.duplicates")
                .description("Feed items dropped because the item or its story was seen before")
                .tag("feed", feedName)
                .register(registry)
                .increment();
    }

    /** Drops the failure gauges of feeds this instance no longer polls. */
    void retainFeeds(Set<String> ownedFeedIds) {
        failures.entrySet().removeIf(entry -> {
            if (ownedFeedIds.contains(entry.getKey())) {
                return false;
            }
            registry.remove(entry.getValue().gauge);
            return true;
        });
    }

    private final class FailureGauge {

        private final AtomicInteger value = new AtomicInteger();
        private final Gauge gauge;

        FailureGauge(String feedName) {
            gauge = Gauge.builder("wirewatch.ingest.feed.failures", value, AtomicInteger::get)
                    .description("Consecutive failed polls of a feed this instance polls")
                    .tag("feed", feedName)
                    .register(registry);
        }
    }
}
