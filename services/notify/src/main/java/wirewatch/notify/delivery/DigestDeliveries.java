package wirewatch.notify.delivery;

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
     * Makes the first attempt, unless the digest's delivery is past it: called again for a digest whose earlier
     * sender died mid-attempt, it finds the delivery still pending and attempts it again under the same id;
     * finding it delivered, retrying or failed, it leaves it to the ledger's own course.
     */
    public void deliver(Digest digest, Subscription subscription) {
        var delivery = ledger.record(digest.subjectId(), subscription);
        if (delivery.status() != DeliveryStatus.PENDING || !ledger.claimFirstAttempt(delivery.id())) {
            return;
        }
        attempts.attempt(delivery, subscription, new DeliveryContent.OfDigest(digest), 1);
    }
}
