/**
 * Polling: which feeds this instance owns (the partitions of {@code ingest.feeds.v1} its consumer group
 * assigns it), when each is due (its state in PostgreSQL, so a new owner continues where the old one
 * stopped), one poll from fetch to published stories, backoff after failures, and turning feed items into
 * stories that are published exactly once: each item's keys are claimed in the transaction that publishes it.
 */
package wirewatch.ingest.feed.poll;
