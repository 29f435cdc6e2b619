package wirewatch.notify.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import wirewatch.notify.subscription.Channel;
import wirewatch.notify.subscription.Subscription;
import wirewatch.notify.subscription.SubscriptionStore;

/**
 * One claimed attempt at a delivery and everything that follows from its outcome: the ledger, the next retry or
 * the dead letter, the subscription's health, the metrics. The first attempt (from the alerts listener), retries
 * (from the retry topics) and replays all end up here, so they behave the same.
 */
@Component
class DeliveryAttempts {

    private static final Logger log = LoggerFactory.getLogger(DeliveryAttempts.class);

    private final Map<Channel, AlertSender> senders = new EnumMap<>(Channel.class);
    private final DeliveryLedger ledger;
    private final DeliveredRecorder recorder;
    private final SubscriptionStore subscriptions;
    private final DeliveryQueue queue;
    private final RetrySchedule schedule;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    DeliveryAttempts(List<AlertSender> senders, DeliveryLedger ledger, DeliveredRecorder recorder,
                     SubscriptionStore subscriptions, DeliveryQueue queue, RetryProperties retry,
                     DeliveryMetrics metrics) {
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        for (var channel : Channel.values()) {
            if (!this.senders.containsKey(channel)) {
                throw new IllegalStateException("no AlertSender for the " + channel.id() + " channel");
            }
        }
        this.ledger = ledger;
        this.recorder = recorder;
        this.subscriptions = subscriptions;
        this.queue = queue;
        this.schedule = new RetrySchedule(retry, () -> ThreadLocalRandom.current().nextDouble());
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
    }

    /**
     * Sends attempt number {@code attempt} (within the current cycle) of a delivery the caller has claimed. A
     * receiver's failure is recorded and never reaches the caller; a failure of the ledger or of Kafka does.
     */
    void attempt(Delivery delivery, Subscription subscription, DeliveryContent content, int attempt) {
        settle(delivery, subscription, content, attempt, send(delivery, subscription, content));
    }

    /** Only sends: a caller that limits how many sends run at once need not hold its permit while recording. */
    SendOutcome send(Delivery delivery, Subscription subscription, DeliveryContent content) {
        return metrics.timeSend(subscription.channel(), () -> sendSafely(delivery.id(), subscription, content));
    }

    /** Records how attempt number {@code attempt} of a delivery went, and queues what follows from it. */
    void settle(Delivery delivery, Subscription subscription, DeliveryContent content, int attempt,
                SendOutcome outcome) {
        var channel = subscription.channel();
        switch (outcome) {
            case SendOutcome.Delivered delivered -> {
                recorder.recordDelivered(delivery.id(), subscription.id());
                metrics.delivered(channel, content);
            }
            case SendOutcome.Gone gone -> {
                ledger.markFailed(delivery.id(), gone.reason() + "; the subscription is now disabled");
                metrics.gone(channel);
                disable(subscription, "gone", gone.reason());
            }
            case SendOutcome.Failed failed when failed.retryable() && schedule.hasAnotherAfter(attempt) -> {
                var next = schedule.after(attempt, failed.retryAfter(), clock.instant());
                var retry = new DeliveryRetry(UUID.randomUUID(), delivery.id(), subscription.id(),
                        delivery.alertId(), attempt + 1, next.notBefore());
                // Written before the ledger learns its id: it cannot be attempted before its not-before time, by
                // which the ledger has long caught up; and if the ledger update fails, the record is merely stale.
                queue.enqueue(retry, next.tier());
                ledger.markRetrying(delivery.id(), failed.reason(), retry.retryId(), next.notBefore());
                metrics.retried(channel);
                log.info("Attempt {} of delivery {} to subscription {} failed ({}); next attempt not before {}",
                        attempt, delivery.id(), subscription.id(), failed.reason(), next.notBefore());
                noteFailure(subscription);
            }
            case SendOutcome.Failed failed -> {
                queue.deadLetter(new DeadLetter(delivery.id(), subscription.id(), delivery.alertId(), channel.id(),
                        attempt, failed.reason(), clock.instant()));
                ledger.markFailed(delivery.id(), failed.reason());
                metrics.deadLettered(channel);
                log.warn("Delivery {} of {} to subscription {} failed for good after attempt {}: {}",
                        delivery.id(), delivery.alertId(), subscription.id(), attempt, failed.reason());
                noteFailure(subscription);
            }
        }
    }

    // A sender is supposed to answer, not throw; if one throws anyway, that is this delivery's failure only.
    private SendOutcome sendSafely(UUID deliveryId, Subscription subscription, DeliveryContent content) {
        try {
            return content.sendWith(senders.get(subscription.channel()), deliveryId, subscription);
        } catch (RuntimeException e) {
            log.error("The {} sender threw on delivery {}", subscription.channel().id(), deliveryId, e);
            return SendOutcome.failed("unexpected error: " + e);
        }
    }

    /** Disables a subscription whose channel gives up on endpoints that fail every delivery for too long. */
    private void noteFailure(Subscription subscription) {
        var limit = senders.get(subscription.channel()).disableWhenFailingFor();
        if (limit.isEmpty()) {
            return;
        }
        var now = clock.instant();
        subscriptions.recordFailure(subscription.id(), now)
                .filter(since -> !since.plus(limit.get()).isAfter(now))
                .ifPresent(since -> disable(subscription, "failing",
                        "every delivery failed since " + since + ", longer than " + describe(limit.get())));
    }

    private void disable(Subscription subscription, String reason, String detail) {
        if (subscriptions.disable(subscription.id(), reason + ": " + detail)) {
            metrics.subscriptionDisabled(reason);
            log.warn("Subscription {} disabled: {}", subscription.id(), detail);
        }
    }

    private static String describe(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
