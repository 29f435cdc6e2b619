package wirewatch.notify.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import wirewatch.notify.subscription.Channel;

/** The routing outcomes that are not sends, on the same meter as the sends' outcomes. */
@Component
class RoutingMetrics {

    private final MeterRegistry registry;

    RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void routed(Channel channel, Route route) {
        var outcome = switch (route) {
            case INSTANT -> null; // counted by the send it leads to
            case SUPPRESSED -> "suppressed";
            case DIGEST, OVERFLOW -> "digested";
        };
        if (outcome != null) {
            Counter.builder("wirewatch.notify.deliveries")
                    .description("Delivery attempts by channel and what came of them")
                    .tag("channel", channel.id())
                    .tag("outcome", outcome)
                    .register(registry)
                    .increment();
        }
    }
}
