/**
 * Kafka: the {@code notify} listener on {@code news.alerts.v1}, which hands each poll's alerts to the
 * {@link wirewatch.notify.delivery.AlertDispatcher} side by side, each in its own story's trace; the
 * {@code notify-retry} listener on the retry tiers ({@code notify.deliveries.retry.<delay>}) and
 * {@code notify.deliveries.replay}, which waits for each record's not-before time by pausing only that record's
 * partition; the queue that writes those records and the delivery dead letters ({@code notify.deliveries.dlt}); and
 * the error handling that moves unreadable or unprocessable records to a dead-letter topic so one bad record never
 * blocks a partition.
 */
package wirewatch.notify.pipeline;
