package wirewatch.notify.delivery;

import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import wirewatch.notify.subscription.SubscriptionStatus;
import wirewatch.notify.subscription.SubscriptionStore;

/**
 * Finds deliveries (of alerts and of digests) left pending by an attempt that never finished (the process was
 * killed, or lost the database after sending) and makes the attempt again, under the same id, so the receiver can
 * tell it is the same delivery.
 * Runs at start-up and every {@code wirewatch.notify.delivery.recovery-interval} (see {@link DeliveryScheduling});
 * a delivery counts as abandoned once its attempt began more than {@code claim-timeout} ago, which must be longer
 * than any attempt takes, or a slow attempt still in progress elsewhere would be made twice.
 */
@Component
class AbandonedDeliveries {

    private static final Logger log = LoggerFactory.getLogger(AbandonedDeliveries.class);
    private static final int BATCH = 500;

    private final DeliveryLedger ledger;
    private final SubscriptionStore subscriptions;
    private final Contents contents;
    private final DeliveryAttempts attempts;
    private final DeliveryProperties properties;
    private final Semaphore sending;

    AbandonedDeliveries(DeliveryLedger ledger, SubscriptionStore subscriptions, Contents contents,
                        DeliveryAttempts attempts, DeliveryProperties properties) {
        this.ledger = ledger;
        this.subscriptions = subscriptions;
        this.contents = contents;
        this.attempts = attempts;
        this.properties = properties;
        this.sending = new Semaphore(properties.parallelism());
    }

    /** @return how many abandoned deliveries were attempted again */
    int recover() {
        int recovered = 0;
        while (true) {
            var abandoned = ledger.claimAbandoned(properties.claimTimeout(), BATCH);
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                abandoned.forEach(delivery -> executor.submit(() -> retry(delivery)));
            }
            recovered += abandoned.size();
            if (abandoned.size() < BATCH) {
                return recovered;
            }
        }
    }

    private void retry(Delivery delivery) {
        try {
            var subscription = subscriptions.find(delivery.subscriptionId())
                    .filter(found -> found.status() == SubscriptionStatus.ACTIVE);
            var content = contents.find(delivery.alertId());
            if (subscription.isEmpty() || content.isEmpty()) {
                ledger.markFailed(delivery.id(), "not sent again after an interrupted attempt: "
                        + (subscription.isEmpty() ? "the subscription is no longer active"
                                : delivery.alertId() + " is no longer stored"));
                return;
            }
            log.info("Delivery {} was left pending by an interrupted attempt; attempting it again",
                    delivery.id());
            SendOutcome outcome;
            sending.acquireUninterruptibly();
            try {
                outcome = attempts.send(delivery, subscription.get(), content.get());
            } finally {
                sending.release();
            }
            attempts.settle(delivery, subscription.get(), content.get(), 1, outcome);
        } catch (RuntimeException e) {
            // Still pending: the next run claims it again once the claim times out.
            log.warn("Could not recover delivery {}", delivery.id(), e);
        }
    }

    /** Logs what it did: recovering anything at all means some process died mid-attempt. */
    void recoverAndReport() {
        var recovered = recover();
        if (recovered > 0) {
            log.info("Attempted {} interrupted deliveries again", recovered);
        }
    }
}
