package wirewatch.notify.delivery;

import java.time.Duration;

/**
 * Where deliveries wait for their next attempt, and where the dead ones go. Both calls return once the record is
 * durably stored and throw otherwise, so the ledger is only updated for records that exist.
 */
public interface DeliveryQueue {

    /**
     * Queues a retry in the tier of retries that wait about {@code tier} (one of the configured retry delays), or
     * with the replays that are due at once when {@code tier} is zero.
     */
    void enqueue(DeliveryRetry retry, Duration tier);

    void deadLetter(DeadLetter deadLetter);
}
