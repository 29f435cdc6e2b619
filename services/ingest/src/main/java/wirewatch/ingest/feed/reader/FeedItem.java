package wirewatch.ingest.feed.reader;

import java.time.Instant;

/**
 * One entry of a feed as the document gives it, before normalisation. Any field may be {@code null} when the
 * document lacks it: {@code guid} is the entry's own id (RSS guid, Atom id, JSON Feed id), {@code link} is
 * absolute, {@code html} is the fullest text the entry carries (content before summary), still HTML.
 */
public record FeedItem(String guid, String title, String link, String html, Instant publishedAt,
        Instant updatedAt, String author) {
}
