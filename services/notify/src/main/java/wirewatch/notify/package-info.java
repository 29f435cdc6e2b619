/**
 * Notify: turns alerts from {@code news.alerts.v1} into email and signed webhook deliveries, at most one
 * delivery per (alert, subscription) and at least one send attempt per delivery. Features live in sub-packages:
 * {@code subscription} (who wants what), {@code delivery} (which subscriptions an alert reaches, the ledger, the
 * sender port), {@code webhook} and {@code email} (the two channels), {@code pipeline} (Kafka) and
 * {@code security} (the API key).
 */
package wirewatch.notify;
