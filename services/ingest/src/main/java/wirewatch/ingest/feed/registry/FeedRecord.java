package wirewatch.ingest.feed.registry;

/**
 * A feed's value on {@code ingest.feeds.v1}, keyed by its id; a deleted feed is a tombstone. The record says
 * that the feed exists and, through its partition, which instance polls it; its state is in PostgreSQL.
 */
record FeedRecord(String id, String url, String name, long pollIntervalSeconds) {

    static FeedRecord of(Feed feed) {
        return new FeedRecord(feed.id(), feed.url().toString(), feed.name(), feed.pollInterval().toSeconds());
    }
}
