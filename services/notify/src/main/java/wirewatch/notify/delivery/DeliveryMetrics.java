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
        return Timer.builder("wirewatch.notify.send")
                .description("Time one send attempt takes, whatever its outcome")
                .tag("channel", channel.id())
                .register(registry)
                .record(send);
    }

    private void deliveries(Channel channel, String outcome) {
        Counter.builder("wirewatch.notify.deliveries")
                .description("Delivery attempts by channel and what came of them")
                .tag("channel", channel.id())
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
