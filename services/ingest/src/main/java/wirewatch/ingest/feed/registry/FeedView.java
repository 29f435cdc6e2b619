package wirewatch.ingest.feed.registry;

import java.time.Instant;

/** A feed as {@code GET /api/feeds} shows it. */
record FeedView(String id, String url, String name, long pollIntervalSeconds, Instant createdAt, Health health) {

    /**
     * @param nextPollAt          when the owning instance polls next (later than the interval after failures
     *                            or a 429/503)
     * @param consecutiveFailures failed polls since the last success
     */
    record Health(Instant lastPolledAt, Instant lastSuccessAt, String lastError, Instant lastErrorAt,
            int consecutiveFailures, Instant nextPollAt, long storiesPublished) {
    }

    static FeedView of(Feed feed) {
        return new FeedView(feed.id(), feed.url().toString(), feed.name(), feed.pollInterval().toSeconds(),
                feed.createdAt(), new Health(feed.lastPolledAt(), feed.lastSuccessAt(), feed.lastError(),
                        feed.lastErrorAt(), feed.consecutiveFailures(), feed.nextPollAt(), feed.storiesPublished()));
    }
}
