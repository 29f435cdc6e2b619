package wirewatch.ingest.feed.reader;

import java.net.URI;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * The {@link FeedReader}: decodes the document's bytes (see {@link DocumentText}), then reads it as a JSON
 * Feed when it looks like JSON and as RSS, RDF or Atom otherwise. Whatever breaks inside the parsers is
 * reported as a {@link FeedFormatException} for that one document, so a poller can never be brought down by
 * what a feed serves.
 */
@Component
public final class FeedDocumentReader implements FeedReader {

    private final XmlFeedParser xml = new XmlFeedParser();
    private final JsonFeedParser json = new JsonFeedParser();

    @Override
    public ParsedFeed read(byte[] document, String contentType, URI location) throws FeedFormatException {
        if (document == null || document.length == 0) {
            throw new FeedFormatException("the document is empty");
        }
        var text = DocumentText.decode(document, contentType).text();
        if (text.isBlank()) {
            throw new FeedFormatException("the document holds only whitespace");
        }
        try {
            return looksLikeJson(text, contentType) ? json.parse(text, location) : xml.parse(text, location);
        } catch (RuntimeException e) {
            throw new FeedFormatException("the document broke the feed parser: " + e, e);
        } catch (StackOverflowError e) {
            throw new FeedFormatException("the document is nested too deeply to read", e);
        }
    }

    private static boolean looksLikeJson(String text, String contentType) {
        var first = text.strip().charAt(0);
        if (first == '{') {
            return true;
        }
        return first != '<' && contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    }
}
