/**
 * Digests: alerts that wait for a subscription's next digest (digest subscriptions, and instant ones over their
 * hourly cap) in PostgreSQL ({@code digests}, {@code digest_items}), one digest per (subscription, period) on the
 * subscription's wall-clock schedule ({@link wirewatch.notify.subscription.DigestSchedule}). {@code Digests}
 * implements routing's {@link wirewatch.notify.routing.DigestInbox} and delivery's
 * {@link wirewatch.notify.delivery.DigestSource}; {@code DigestScheduler} claims due digests with
 * {@code for update skip locked} and sends each as one delivery through
 * {@link wirewatch.notify.delivery.DigestDeliveries}, so a digest has the ledger's stable id, retries, dead
 * letters and replays like any alert.
 */
package wirewatch.notify.digest;
