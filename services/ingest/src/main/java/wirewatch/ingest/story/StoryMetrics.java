package wirewatch.ingest.story;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/** {@code wirewatch.ingest.stories{result}} and the publish latency timer {@code wirewatch.ingest.publish}. */
@Component
class StoryMetrics {

    private final Counter published;
    private final Counter duplicate;
    private final Counter rejected;
    private final Timer publishLatency;

    StoryMetrics(MeterRegistry registry) {
        published = storiesCounter(registry, "published");
        duplicate = storiesCounter(registry, "duplicate");
        rejected = storiesCounter(registry, "rejected");
        publishLatency = Timer.builder("wirewatch.ingest.publish")
                .description("Time from sending a story to Kafka until the broker acknowledged it")
                .register(registry);
    }

    private static Counter storiesCounter(MeterRegistry registry, String result) {
        return Counter.builder("wirewatch.ingest.stories")
                .description("Stories pushed to ingest, by what became of them")
                .tag("result", result)
                .register(registry);
    }

    void published() {
        published.increment();
    }

    void duplicate() {
        duplicate.increment();
    }

    void rejected() {
        rejected.increment();
    }

    // Failed attempts are timed as well: a slow broker shows up in the timer before it shows up as 503s.
    void timePublish(Runnable publish) {
        publishLatency.record(publish);
    }
}
