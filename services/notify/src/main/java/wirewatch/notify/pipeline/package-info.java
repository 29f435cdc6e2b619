/**
 * Kafka: the {@code notify} listener on {@code news.alerts.v1}, which hands each alert to the
 * {@link wirewatch.notify.delivery.AlertDispatcher}, and the error handling that moves unreadable or
 * unprocessable records to {@code notify.alerts.dlt} so one bad record never blocks a partition.
 */
package wirewatch.notify.pipeline;
