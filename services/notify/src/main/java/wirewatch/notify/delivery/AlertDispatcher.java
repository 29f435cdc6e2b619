package wirewatch.notify.delivery;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import wirewatch.events.Alert;
import wirewatch.notify.subscription.Channel;
import wirewatch.notify.subscription.Subscription;
import wirewatch.notify.subscription.SubscriptionStore;

/** Sends one alert to every subscription it reaches, each delivery on its own, at most once successfully. */
@Service
public class AlertDispatcher {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

    private final SubscriptionStore subscriptions;
    private final DeliveryLedger ledger;
    private final Map<Channel, AlertSender> senders = new EnumMap<>(Channel.class);
    private final DeliveryMetrics metrics;
    private final Semaphore sending;

    AlertDispatcher(SubscriptionStore subscriptions, DeliveryLedger ledger, List<AlertSender> senders,
                    DeliveryMetrics metrics, DeliveryProperties properties) {
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        for (var channel : Channel.values()) {
            if (!this.senders.containsKey(channel)) {
                throw new IllegalStateException("no AlertSender for the " + channel.id() + " channel");
            }
        }
        this.metrics = metrics;
        this.sending = new Semaphore(properties.parallelism());
    }

    /**
     * Returns when every delivery has been attempted. A receiver's failure is recorded on its delivery and
     * never reaches the caller; a failure of the ledger itself does, so the alert is read again later.
     */
    public void dispatch(Alert alert) {
        metrics.alertConsumed();
        var reached = subscriptions.activeInstantFor(alert.categories()).stream()
                .filter(subscription -> !Relevance.matches(alert, subscription).isEmpty())
                .toList();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var attempts = reached.stream()
                    .map(subscription -> executor.submit(() -> deliverWithPermit(alert, subscription)))
                    .toList();
            for (var attempt : attempts) {
                await(attempt);
            }
        }
    }

    private void deliverWithPermit(Alert alert, Subscription subscription) {
        sending.acquireUninterruptibly();
        try {
            deliver(alert, subscription);
        } finally {
            sending.release();
        }
    }

    private void deliver(Alert alert, Subscription subscription) {
        var channel = subscription.channel();
        var delivery = ledger.record(alert.id(), subscription);
        if (delivery.status() == DeliveryStatus.DELIVERED) {
            metrics.skippedDuplicate(channel);
            return;
        }
        var outcome = metrics.timeSend(channel, () -> send(delivery, subscription, alert));
        switch (outcome) {
            case SendOutcome.Delivered delivered -> {
                ledger.markDelivered(delivery.id());
                metrics.delivered(channel);
            }
            case SendOutcome.Failed failed -> {
                ledger.markFailed(delivery.id(), failed.reason());
                metrics.failed(channel);
                log.warn("Delivery {} of alert {} to subscription {} failed: {}", delivery.id(), alert.id(),
                        subscription.id(), failed.reason());
            }
            case SendOutcome.Gone gone -> {
                ledger.markFailed(delivery.id(), gone.reason() + "; the subscription is now disabled");
                subscriptions.disable(subscription.id());
                metrics.failed(channel);
                log.info("Subscription {} disabled: {}", subscription.id(), gone.reason());
            }
        }
    }

    // A sender is supposed to answer, not throw; if one throws anyway, that is this delivery's failure only.
    private SendOutcome send(Delivery delivery, Subscription subscription, Alert alert) {
        try {
            return senders.get(subscription.channel()).send(delivery.id(), subscription, alert);
        } catch (RuntimeException e) {
            log.error("The {} sender threw on delivery {}", subscription.channel().id(), delivery.id(), e);
            return SendOutcome.failed("unexpected error: " + e);
        }
    }

    private static void await(Future<?> attempt) {
        try {
            attempt.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering an alert", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
