package wirewatch.ingest.feed.fetch;

import java.net.URI;
import java.time.Duration;

/**
 * How one fetch ended. {@link #movedTo()} is the feed's new URL when every redirect on the way was permanent
 * (301 or 308), whatever the final answer was; {@code null} otherwise.
 */
public sealed interface FetchResult {

    URI movedTo();

    /** 200: the document, already gzip-decoded, with the validators for the next conditional GET. */
    record Fetched(byte[] document, String contentType, String etag, String lastModified, URI location, URI movedTo)
            implements FetchResult {
    }

    /** 304: unchanged since the validators sent. */
    record NotModified(URI movedTo) implements FetchResult {
    }

    /** 429 or 503: the server asks us to come back later; {@code retryAfter} is {@code null} when it did not say when. */
    record RateLimited(int status, Duration retryAfter, URI movedTo) implements FetchResult {
    }

    /** Anything else: the reason, in words fit for the feed's health record. */
    record Failed(String reason, URI movedTo) implements FetchResult {
    }
}
