/**
 * Notify: turns alerts from {@code news.alerts.v1} into email and signed webhook deliveries, at most one
 * delivery per (alert, subscription) and at least one send attempt per delivery. Features live in sub-packages:
 * {@code subscription} (who wants what, and when digests go out), {@code routing} (which subscriptions an alert
 * reaches and how: now, suppressed by flood control, or in a digest), {@code digest} (collecting and sending
 * digests), {@code delivery} (the ledger, attempts, retries and replays, the sender port), {@code webhook} and
 * {@code email} (the two channels), {@code pipeline} (Kafka) and {@code security} (the API key).
 */
package wirewatch.notify;
