package wirewatch.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import wirewatch.events.Alert;
import wirewatch.events.Stance;
import wirewatch.notify.subscription.Channel;

class DeliveryMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeliveryMetrics metrics = new DeliveryMetrics(registry, Tracer.NOOP);

    @Test
    void recordsTheTimeFromPublicationToDeliveryPerChannel() {
        metrics.delivered(Channel.WEBHOOK, alertPublishedAt(Instant.now().minus(Duration.ofSeconds(90))));

        var timer = registry.get("wirewatch.notify.latency.published").tag("channel", "webhook").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.SECONDS)).isBetween(90.0, 100.0);
        assertThat(registry.get("wirewatch.notify.deliveries").tag("outcome", "delivered").counter().count())
                .isEqualTo(1);
    }

    @Test
    void leavesOutAPublicationTimeInTheFutureOrMissing() {
        metrics.delivered(Channel.EMAIL, alertPublishedAt(Instant.now().plus(Duration.ofMinutes(5))));
        metrics.delivered(Channel.EMAIL, alertPublishedAt(null));

        assertThat(registry.find("wirewatch.notify.latency.published").timer()).isNull();
        assertThat(registry.get("wirewatch.notify.deliveries").tag("outcome", "delivered").counter().count())
                .isEqualTo(2);
    }

    @Test
    void countsADigestAsDeliveredButLeavesItOutOfTheLatency() {
        var digest = new Digest(UUID.randomUUID(), UUID.randomUUID(), Instant.now().minus(Duration.ofHours(1)),
                Instant.now(), List.of());

        metrics.delivered(Channel.EMAIL, new DeliveryContent.OfDigest(digest));

        assertThat(registry.find("wirewatch.notify.latency.published").timer()).isNull();
        assertThat(registry.get("wirewatch.notify.deliveries").tag("outcome", "delivered").counter().count())
                .isEqualTo(1);
    }

    @Test
    void recordsNoLatencyFromIngestWithoutTheBaggageThatCarriesIt() {
        metrics.delivered(Channel.WEBHOOK, alertPublishedAt(Instant.now()));

        assertThat(registry.find("wirewatch.notify.latency.ingested").timer()).isNull();
    }

    private static DeliveryContent alertPublishedAt(Instant publishedAt) {
        return new DeliveryContent.OfAlert(new Alert("alert-1", "story-1", "story-1",
                new Alert.StoryRef("Kremlin demands sanctions relief", "https://example.org/a", "example.org",
                        publishedAt),
                List.of("SANCTIONS_RELIEF"),
                List.of(new Alert.Match("lift-sanctions", "SANCTIONS_RELIEF", 0.7, List.of("Lift them."),
                        Stance.DEMANDED)),
                "sha256:0", Instant.now()));
    }
}
