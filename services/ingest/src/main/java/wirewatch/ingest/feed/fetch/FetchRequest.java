package wirewatch.ingest.feed.fetch;

import java.net.URI;

/**
 * @param url          the feed's URL
 * @param etag         the {@code ETag} of the last full response, sent as {@code If-None-Match}, or {@code null}
 * @param lastModified the {@code Last-Modified} of the last full response, sent back verbatim as
 *                     {@code If-Modified-Since}, or {@code null}
 */
public record FetchRequest(URI url, String etag, String lastModified) {
}
