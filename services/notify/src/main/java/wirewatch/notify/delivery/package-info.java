/**
 * Delivering one alert: choosing the subscriptions it reaches ({@link wirewatch.notify.delivery.Relevance}),
 * recording one delivery per (alert, subscription) in the {@code deliveries} ledger, and handing each to the
 * {@link wirewatch.notify.delivery.AlertSender} of its channel. The ledger row's id is the delivery's stable id
 * (webhook-id, Message-ID), and a row already {@code delivered} is never sent again, so re-reading an alert is
 * harmless. A send ends in a {@link wirewatch.notify.delivery.SendOutcome}; a {@code Failed} outcome is where
 * retries with back-off take over.
 */
package wirewatch.notify.delivery;
