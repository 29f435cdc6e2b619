package wirewatch.ingest.feed.reader;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Feed 1.0 and 1.1 (jsonfeed.org). 1.1's {@code authors} list wins over 1.0's single {@code author};
 * {@code content_html} wins over {@code content_text}, which wins over {@code summary}. Items that are not
 * objects are skipped rather than failing the feed.
 */
final class JsonFeedParser {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    ParsedFeed parse(String json, URI location) throws FeedFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new FeedFormatException("not well-formed JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new FeedFormatException("a JSON Feed must be a JSON object");
        }
        var version = text(root, "version");
        var items = root.path("items");
        if ((version == null || !version.startsWith("https://jsonfeed.org/version/")) && !items.isArray()) {
            throw new FeedFormatException("JSON document is not a JSON Feed: no jsonfeed.org version and no items");
        }
        var base = base(root, location);
        var parsed = new ArrayList<FeedItem>();
        for (var item : items) {
            if (item.isObject()) {
                parsed.add(item(item, base));
            }
        }
        return new ParsedFeed(text(root, "title"), Links.absolute(text(root, "home_page_url"), base), parsed);
    }

    private static URI base(JsonNode root, URI location) {
        var feedUrl = Links.absolute(text(root, "feed_url"), location);
        return location != null || feedUrl == null ? location : URI.create(feedUrl);
    }

    private static FeedItem item(JsonNode item, URI base) {
        var link = Links.absolute(firstNonNull(text(item, "url"), text(item, "external_url")), base);
        var html = firstNonNull(text(item, "content_html"), escaped(text(item, "content_text")));
        return new FeedItem(
                id(item.path("id")),
                text(item, "title"),
                link,
                firstNonNull(html, escaped(text(item, "summary"))),
                date(text(item, "date_published")),
                date(text(item, "date_modified")),
                author(item));
    }

    /** JSON Feed 1.0 allowed numeric ids; they are ids all the same. */
    private static String id(JsonNode id) {
        return id.isString() || id.isNumber() ? id.asString().strip() : null;
    }

    private static String author(JsonNode item) {
        return Stream.concat(item.path("authors").valueStream(), Stream.of(item.path("author")))
                .map(author -> text(author, "name"))
                .filter(name -> name != null)
                .findFirst()
                .orElse(null);
    }

    private static Instant date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Plain text carried in the item's HTML field must not be taken for markup. */
    private static String escaped(String text) {
        if (text == null) {
            return null;
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String text(JsonNode node, String field) {
        var value = node.path(field);
        if (!value.isString() || value.stringValue().isBlank()) {
            return null;
        }
        return value.stringValue().strip();
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
