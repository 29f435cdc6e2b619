/**
 * Fetching one feed document over HTTP as a polite, defensive client: conditional GET with the validators
 * of the last fetch, gzip, connect and overall timeouts, a cap on the document's size (compressed and
 * decoded), redirects followed by hand so a permanent move can update the feed's stored URL, and
 * {@code Retry-After} on 429 and 503. It never parses the document and never throws for a bad server: every
 * outcome is a {@link wirewatch.ingest.feed.fetch.FetchResult}.
 */
package wirewatch.ingest.feed.fetch;
