package wirewatch.notify.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import wirewatch.notify.subscription.SubscriptionNotFoundException;
import wirewatch.notify.subscription.SubscriptionStatus;
import wirewatch.notify.subscription.SubscriptionStore;

/**
 * Sends failed deliveries again, under their own ids (so the same {@code webhook-id}), with a fresh cycle of
 * attempts. The replay record goes to {@code notify.deliveries.replay}, where it is due at once, and the attempt
 * is made by the retry listener like any retry.
 */
@Service
class Replays {

    private final DeliveryLedger ledger;
    private final SubscriptionStore subscriptions;
    private final DeliveryQueue queue;
    private final Clock clock;

    Replays(DeliveryLedger ledger, SubscriptionStore subscriptions, DeliveryQueue queue) {
        this.ledger = ledger;
        this.subscriptions = subscriptions;
        this.queue = queue;
        this.clock = Clock.systemUTC();
    }

    /**
     * The ledger is reopened (and committed) before the record is written, since the record is due at once and
     * the retry listener must find the ledger waiting for it; if Kafka refuses the record, the delivery is failed
     * again and the caller may simply ask again.
     */
    Delivery replay(UUID deliveryId) {
        var delivery = ledger.find(deliveryId).orElseThrow(() -> new DeliveryNotFoundException(deliveryId));
        switch (delivery.status()) {
            case DELIVERED -> throw new NotReplayableException(deliveryId, "was delivered at "
                    + delivery.deliveredAt() + "; there is nothing to replay");
            case PENDING, RETRYING -> throw new NotReplayableException(deliveryId, "is still in flight ("
                    + delivery.status().id() + "); it can be replayed once it has failed");
            case SUPPRESSED -> throw new NotReplayableException(deliveryId, "was suppressed by flood control as a "
                    + "copy of alert " + delivery.suppressedByAlert() + "; it was never meant to be sent");
            case FAILED -> requireActive(delivery);
        }
        var reopened = ledger.reopen(deliveryId, UUID.randomUUID()).orElseThrow(() ->
                new NotReplayableException(deliveryId, "was replayed by someone else just now"));
        enqueue(reopened);
        return reopened;
    }

    /** @return how many failed deliveries created at or after {@code since} are now replayed */
    int replayFailedSince(UUID subscriptionId, Instant since) {
        var subscription = subscriptions.find(subscriptionId)
                .orElseThrow(() -> new SubscriptionNotFoundException(subscriptionId));
        if (subscription.status() != SubscriptionStatus.ACTIVE) {
            throw new NotReplayableException(subscriptionId, "is a " + subscription.status().id()
                    + " subscription, which receives nothing");
        }
        var reopened = ledger.reopenFailedSince(subscriptionId, since);
        reopened.forEach(this::enqueue);
        return reopened.size();
    }

    private void requireActive(Delivery delivery) {
        var status = subscriptions.find(delivery.subscriptionId()).map(found -> found.status())
                .orElse(SubscriptionStatus.DISABLED);
        if (status != SubscriptionStatus.ACTIVE) {
            throw new NotReplayableException(delivery.id(), "belongs to a " + status.id()
                    + " subscription, which receives nothing");
        }
    }

    private void enqueue(Delivery delivery) {
        try {
            queue.enqueue(new DeliveryRetry(delivery.retryId(), delivery.id(), delivery.subscriptionId(),
                    delivery.alertId(), 1, clock.instant()), Duration.ZERO);
        } catch (RuntimeException e) {
            ledger.undoReopen(delivery.id(), delivery.retryId());
            throw e;
        }
    }
}
