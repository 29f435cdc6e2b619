package wirewatch.notify.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import wirewatch.notify.subscription.SubscriptionStatus;
import wirewatch.notify.subscription.SubscriptionStore;

/** Makes the attempt a due retry record (or replay record) asks for, if the ledger still wants it. */
@Service
public class DeliveryRetries {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRetries.class);

    private final DeliveryLedger ledger;
    private final SubscriptionStore subscriptions;
    private final Contents contents;
    private final DeliveryAttempts attempts;

    DeliveryRetries(DeliveryLedger ledger, SubscriptionStore subscriptions, Contents contents,
                    DeliveryAttempts attempts) {
        this.ledger = ledger;
        this.subscriptions = subscriptions;
        this.contents = contents;
        this.attempts = attempts;
    }

    public void attempt(DeliveryRetry retry) {
        var delivery = ledger.find(retry.deliveryId()).orElse(null);
        var subscription = subscriptions.find(retry.subscriptionId()).orElse(null);
        if (delivery == null || subscription == null) {
            log.debug("Retry {} skipped: delivery {} was deleted with its subscription", retry.retryId(),
                    retry.deliveryId());
            return;
        }
        if (!retry.retryId().equals(delivery.retryId())) {
            log.debug("Retry {} skipped: delivery {} is {} and waits for retry {}", retry.retryId(), delivery.id(),
                    delivery.status().id(), delivery.retryId());
            return;
        }
        if (subscription.status() != SubscriptionStatus.ACTIVE) {
            ledger.markFailed(delivery.id(), "not sent: the subscription is " + subscription.status().id());
            return;
        }
        var content = contents.find(delivery.alertId());
        if (content.isEmpty()) {
            ledger.markFailed(delivery.id(), "not sent: " + delivery.alertId() + " is no longer stored");
            return;
        }
        if (ledger.claimRetry(delivery.id(), retry.retryId())) {
            attempts.attempt(delivery, subscription, content.get(), retry.attempt());
        }
    }
}
