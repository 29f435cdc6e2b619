package wirewatch.ingest.feed.reader;

import java.net.URI;

/** Turns one feed document into its items. Implementations are thread-safe and never touch the network. */
public interface FeedReader {

    /**
     * @param document    the response body as received (after content decoding such as gzip)
     * @param contentType the response's {@code Content-Type} header, or {@code null}; its charset wins over
     *                    the document's own declaration only where the feed formats say it should
     * @param location    the URL the document was fetched from, against which relative links resolve
     * @throws FeedFormatException when nothing can be read from the document, with a message naming why
     */
    ParsedFeed read(byte[] document, String contentType, URI location) throws FeedFormatException;
}
