package wirewatch.notify.delivery;

import java.time.Instant;
import java.util.UUID;
import wirewatch.notify.subscription.Channel;

/**
 * One alert for one subscription, however many attempts and replays it takes.
 *
 * @param id            the same on every attempt, so receivers can de-duplicate
 * @param attempts      every send attempt ever made, replays included
 * @param lastError     why the last attempt failed, {@code null} when it did not
 * @param retryId       the retry record allowed to make the next attempt; {@code null} unless {@code RETRYING}
 * @param nextAttemptAt when the next attempt is due; {@code null} unless {@code RETRYING}
 * @param alertId           the alert delivered, or {@code digest:<id>} for a digest
 * @param deliveredAt       {@code null} until delivered
 * @param suppressedByAlert the alert whose delivery made flood control suppress this one; {@code null} unless
 *                          {@code SUPPRESSED}
 */
public record Delivery(UUID id, String alertId, UUID subscriptionId, Channel channel, DeliveryStatus status,
                       int attempts, String lastError, UUID retryId, Instant nextAttemptAt, Instant lastAttemptAt,
                       Instant createdAt, Instant deliveredAt, String suppressedByAlert) {
}
