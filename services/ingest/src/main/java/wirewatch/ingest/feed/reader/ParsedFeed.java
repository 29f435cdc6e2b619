package wirewatch.ingest.feed.reader;

import java.util.List;

/**
 * What a feed document says about itself and its items. {@code title} and {@code link} may be {@code null};
 * {@code items} is never {@code null} and keeps the document's order.
 */
public record ParsedFeed(String title, String link, List<FeedItem> items) {

    public ParsedFeed {
        items = List.copyOf(items);
    }
}
