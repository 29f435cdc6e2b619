package wirewatch.ingest.feed.poll;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;

import wirewatch.ingest.canonical.CanonicalUrl;
import wirewatch.ingest.canonical.InvalidUrlException;
import wirewatch.ingest.canonical.StoryId;
import wirewatch.ingest.feed.reader.FeedItem;
import wirewatch.ingest.story.NormalisedStory;
import wirewatch.ingest.text.PlainText;

/**
 * Turns a feed item into a story the way a pushed story is normalised: plain text from HTML, canonical URL
 * and the id derived from it, the feed's name as source. Feeds are less complete than pushed stories, so
 * the gaps are filled: a guid that is a URL stands in for a missing link, the body's first line for a
 * missing title, and the item's updated time or the moment we first saw it for a missing publication time;
 * a time in the future (a wrong clock or time zone on the publisher's side) becomes now.
 */
final class ItemNormaliser {

    private static final int MAX_TITLE_LENGTH = 2000;
    private static final int DERIVED_TITLE_LENGTH = 200;

    private ItemNormaliser() {
    }

    /** @throws UnusableItemException naming what is missing, when the item cannot become a story */
    static FeedStory normalise(FeedItem item, String source, Instant seenAt) {
        var url = url(item);
        var body = PlainText.lines(item.html());
        var title = title(item.title(), body);
        var publishedAt = firstNonNull(item.publishedAt(), item.updatedAt(), seenAt);
        if (publishedAt.isAfter(seenAt)) {
            publishedAt = seenAt;
        }
        var id = StoryId.of(url);
        var story = new NormalisedStory(id, url, source, title, body, null, publishedAt, seenAt);
        var keys = new ArrayList<String>();
        if (item.guid() != null && !item.guid().isBlank()) {
            keys.add("guid:" + sha256Hex(item.guid().strip()));
        }
        keys.add("url:" + id);
        keys.add("content:" + sha256Hex(title + "\n" + body));
        return new FeedStory(story, keys);
    }

    private static CanonicalUrl url(FeedItem item) {
        for (var candidate : new String[] {item.link(), item.guid()}) {
            if (candidate != null && !candidate.isBlank()) {
                try {
                    return CanonicalUrl.of(candidate);
                } catch (InvalidUrlException notAUrl) {
                    // a guid is often not a URL; a broken link may still have a usable guid
                }
            }
        }
        throw new UnusableItemException("has no http(s) link" + (item.link() == null ? "" : " ('" + item.link() + "')")
                + " and no guid that is one");
    }

    private static String title(String title, String body) {
        var text = PlainText.line(title);
        if (text.isEmpty()) {
            if (body.isEmpty()) {
                throw new UnusableItemException("has neither title nor text");
            }
            var firstLine = body.lines().findFirst().orElseThrow();
            text = firstLine.length() > DERIVED_TITLE_LENGTH
                    ? firstLine.substring(0, DERIVED_TITLE_LENGTH - 1).strip() + "…"
                    : firstLine;
        }
        return text.length() > MAX_TITLE_LENGTH ? text.substring(0, MAX_TITLE_LENGTH - 1) + "…" : text;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (var value : values) {
            if (value != null) {
                return value;
            }
        }
        throw new IllegalArgumentException("the last value must not be null");
    }

    private static String sha256Hex(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** The item lacks what every story needs. */
    static final class UnusableItemException extends RuntimeException {

        UnusableItemException(String message) {
            super(message);
        }
    }
}
