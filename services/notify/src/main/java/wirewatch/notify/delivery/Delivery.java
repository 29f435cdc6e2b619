package wirewatch.notify.delivery;

import java.time.Instant;
import java.util.UUID;
import wirewatch.notify.subscription.Channel;

/**
 * One alert for one subscription, however many attempts it takes.
 *
 * @param id          the same on every attempt, so receivers can de-duplicate
 * @param lastError   why the last attempt failed, {@code null} when it did not
 * @param deliveredAt {@code null} until delivered
 */
public record Delivery(UUID id, String alertId, UUID subscriptionId, Channel channel, DeliveryStatus status,
                       int attempts, String lastError, Instant createdAt, Instant deliveredAt) {
}
