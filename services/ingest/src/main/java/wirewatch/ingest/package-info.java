/**
 * The ingest service: takes stories in (pushed over HTTP, or polled from RSS, Atom and JSON feeds),
 * normalises and de-duplicates them, and publishes each new story once to {@code news.stories.v1}. Feature
 * packages: {@code story} (the push API and publishing), {@code feed} (the feed registry, fetching, reading
 * and polling), {@code canonical} (URLs and ids), {@code text} (HTML to plain text), {@code dedup} (the
 * seen-story store), {@code security} (the API key), {@code web} (shared HTTP plumbing).
 */
package wirewatch.ingest;
