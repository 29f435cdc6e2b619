/**
 * Delivering one alert to each subscription it reaches, at least once, under a stable id. The
 * {@link wirewatch.notify.delivery.AlertDispatcher} asks {@code routing} which subscriptions get the alert now,
 * records one delivery per (alert, subscription) in the {@code deliveries} ledger and makes each first attempt;
 * {@link wirewatch.notify.delivery.DigestDeliveries} does the same for a {@link wirewatch.notify.delivery.Digest},
 * one delivery per digest, recorded under {@code digest:<id>} in place of an alert id;
 * {@link wirewatch.notify.delivery.DeliveryAttempts} turns an attempt's {@link wirewatch.notify.delivery.SendOutcome}
 * into the next step: delivered, a {@link wirewatch.notify.delivery.DeliveryRetry} queued after an exponential,
 * jittered delay (or the receiver's {@code Retry-After}), a {@link wirewatch.notify.delivery.DeadLetter} after the
 * last attempt, or a disabled subscription (410 Gone, or failing for too long).
 * {@link wirewatch.notify.delivery.DeliveryRetries} makes the attempts that queued retries ask for, and
 * {@code Replays} re-opens failed deliveries on request. The ledger row's id is the webhook-id / Message-ID on
 * every attempt and replay, and every attempt first claims its row (a first attempt by inserting it, for all of an
 * alert's subscriptions in one statement), so nothing is sent twice at the same time; successes are recorded by
 * group commit ({@code DeliveredRecorder}); {@code AbandonedDeliveries} sends again, under the same id, what a
 * process that died left claimed, alert or digest; {@code Retention} runs the retention of every table that grows
 * with the alerts: routing's ({@link wirewatch.notify.routing.RoutingRetention}), the delivery history and old
 * digests ({@code HistoryRetention}), then stored alerts no delivery in flight and no digest needs
 * ({@code AlertRetention}). Copies that flood control suppressed are ledger rows too ({@code suppressed},
 * naming the alert that suppressed them), so the history shows them.
 * The queue itself is a port ({@link wirewatch.notify.delivery.DeliveryQueue}), implemented on Kafka in
 * {@code pipeline}.
 */
package wirewatch.notify.delivery;
