package wirewatch.ingest.feed.registry;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * A registered feed with its polling state as last stored.
 *
 * @param id                  16 hex digits of SHA-256 over the canonical URL it was registered with; kept
 *                            when the feed moves
 * @param etag                validator of the last full response, or {@code null}
 * @param lastModified        validator of the last full response, verbatim, or {@code null}
 * @param nextPollAt          when the feed is due
 * @param consecutiveFailures failed polls since the last success
 * @param storiesPublished    stories this feed has published in all
 */
public record Feed(
        String id,
        URI url,
        String name,
        Duration pollInterval,
        Instant createdAt,
        String etag,
        String lastModified,
        Instant nextPollAt,
        Instant lastPolledAt,
        Instant lastSuccessAt,
        String lastError,
        Instant lastErrorAt,
        int consecutiveFailures,
        long storiesPublished) {

    static Feed registered(String id, URI url, String name, Duration pollInterval, Instant now) {
        return new Feed(id, url, name, pollInterval, now, null, null, now, null, null, null, null, 0, 0);
    }
}
