package wirewatch.notify.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import wirewatch.notify.subscription.Channel;

@Component
class DeliveryMetrics {

    private final MeterRegistry registry;
    private final Counter alerts;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.alerts = Counter.builder("wirewatch.notify.alerts").description("Alerts consumed").register(registry);
    }

    void alertConsumed() {
        alerts.increment();
    }

    void delivered(Channel channel) {
        deliveries(channel, "delivered");
    }

    void failed(Channel channel) {
        deliveries(channel, "failed");
    }

    void skippedDuplicate(Channel channel) {
        deliveries(channel, "skipped_duplicate");
    }

    SendOutcome timeSend(Channel channel, Supplier<SendOutcome> send) {
        return Timer.builder("wirewatch.notify.send")
                .description("Time one send attempt takes, whatever its outcome")
                .tag("channel", channel.id())
                .register(registry)
                .record(send);
    }

    private void deliveries(Channel channel, String outcome) {
        Counter.builder("wirewatch.notify.deliveries")
                .description("Deliveries by channel and outcome of the attempt")
                .tag("channel", channel.id())
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
