package wirewatch.notify.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * The value of a record on {@code notify.deliveries.dlt}: a delivery that failed its last attempt and is now
 * {@code failed} in the ledger, replayable with {@code POST /api/deliveries/{id}/replay}.
 *
 * @param attempts attempts in the cycle that just ended
 */
public record DeadLetter(UUID deliveryId, UUID subscriptionId, String alertId, String channel, int attempts,
                         String lastError, Instant failedAt) {
}
