package wirewatch.ingest.story;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * {@code wirewatch.ingest.stories{source,result}} and the publish latency timer {@code wirewatch.ingest.publish}.
 * {@code source} is {@value #API} for pushed stories and the feed's name for polled ones, so a feed that only
 * ever yields duplicates or rejects shows up by name.
 */
@Component
public class StoryMetrics {

    /** The {@code source} tag of stories pushed over the API. */
    public static final String API = "api";

    private final MeterRegistry registry;
    private final Timer publishLatency;

    StoryMetrics(MeterRegistry registry) {
        this.registry = registry;
        publishLatency = Timer.builder("wirewatch.ingest.publish")
                .description("Time from sending a story to Kafka until the broker acknowledged it")
                .register(registry);
    }

    private Counter stories(String source, String result) {
        return Counter.builder("wirewatch.ingest.stories")
                .description("Stories that reached ingest, by where they came from and what became of them")
                .tag("source", source)
                .tag("result", result)
                .register(registry);
    }

    void published(String source) {
        stories(source, "published").increment();
    }

    public void duplicate(String source) {
        stories(source, "duplicate").increment();
    }

    public void rejected(String source) {
        stories(source, "rejected").increment();
    }

    // Failed attempts are timed as well: a slow broker shows up in the timer before it shows up as 503s.
    void publishTook(long nanos) {
        publishLatency.record(nanos, TimeUnit.NANOSECONDS);
    }
}
