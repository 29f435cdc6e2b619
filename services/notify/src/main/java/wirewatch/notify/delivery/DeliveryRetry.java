package wirewatch.notify.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * The value of a record on a {@code notify.deliveries.retry.*} or {@code notify.deliveries.replay} topic: "make
 * attempt {@code attempt} of this delivery, not before {@code notBefore}". Small on purpose: the alert itself is
 * in the {@code alerts} table, and the ledger says whether the record is still wanted.
 *
 * @param retryId   matches the ledger's {@code retry_id} while this record is the one allowed to make the next
 *                  attempt; a replayed delivery or a record published twice leaves stale records that are skipped
 * @param attempt   the attempt's number within the current cycle: 2 for the first retry, 1 for a replay
 */
public record DeliveryRetry(UUID retryId, UUID deliveryId, UUID subscriptionId, String alertId, int attempt,
                            Instant notBefore) {
}
