/**
 * Reading one fetched feed document (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.1) into its items, whatever
 * the document's dialect, encoding or breakage. It knows nothing of HTTP, polling or publishing: the poller
 * hands it bytes and the response's content type, and gets items back or a {@link FeedFormatException} that
 * says what is wrong with that one document.
 */
package wirewatch.ingest.feed.reader;
