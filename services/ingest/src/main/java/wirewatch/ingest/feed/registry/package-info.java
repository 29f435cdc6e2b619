/**
 * The feed registry: {@code POST/GET/DELETE /api/feeds}, the {@code feed} table that holds each feed's
 * definition and polling state (what {@code GET} shows as its health), and the feed's record on the
 * compacted topic {@code ingest.feeds.v1}, through whose partitions the instances share the polling.
 * A feed is written to PostgreSQL and the topic together: a registration Kafka did not acknowledge is
 * rolled back.
 */
package wirewatch.ingest.feed.registry;
