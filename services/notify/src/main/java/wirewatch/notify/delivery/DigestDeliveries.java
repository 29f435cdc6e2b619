package wirewatch.notify.delivery;

import java.util.List;
import org.springframework.stereotype.Service;
import wirewatch.notify.subscription.Subscription;

/**
 * Sends a digest as one delivery through the same ledger, attempts, retries and replays as an alert: its id, and
 * so the webhook-id or Message-ID, is the same on every attempt of that digest.
 */
@Service
public class DigestDeliveries {

    private final DeliveryLedger ledger;
    private final DeliveryAttempts attempts;

    DigestDeliveries(DeliveryLedger ledger, DeliveryAttempts attempts) {
        this.ledger = ledger;
        this.attempts = attempts;
    }

    /**
     * Makes the first attempt, if this call is the one that records the digest's delivery. Called again for a
     * digest whose earlier sender died, it finds the delivery already recorded and leaves it to the ledger's own
     * course: delivered, retrying or failed as it is, or, still pending because the attempt died with its
     * process, sent again under the same id by {@link AbandonedDeliveries} once its claim times out.
     */
    public void deliver(Digest digest, Subscription subscription) {
        var delivery = ledger.claimNew(digest.subjectId(), List.of(subscription)).get(subscription.id());
        if (delivery != null) {
            attempts.attempt(delivery, subscription, new DeliveryContent.OfDigest(digest), 1);
        }
    }
}
