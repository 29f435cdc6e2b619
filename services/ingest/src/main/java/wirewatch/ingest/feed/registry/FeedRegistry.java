package wirewatch.ingest.feed.registry;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import wirewatch.ingest.canonical.CanonicalUrl;
import wirewatch.ingest.canonical.InvalidUrlException;
import wirewatch.ingest.feed.FeedsProperties;
import wirewatch.ingest.text.PlainText;

/**
 * Registers, lists, moves and removes feeds. Each change is made in PostgreSQL and on {@code ingest.feeds.v1}
 * in one step: the row is written, the record sent and acknowledged, then the row committed; if Kafka fails
 * the row rolls back and the caller hears 503.
 */
@Service
public class FeedRegistry {

    private static final Logger log = LoggerFactory.getLogger(FeedRegistry.class);
    private static final int ID_HEX_LENGTH = 16;
    private static final int MAX_URL_LENGTH = 4096;
    private static final int MAX_NAME_LENGTH = 256;
    private static final Duration MAX_POLL_INTERVAL = Duration.ofDays(1);

    private final FeedStore store;
    private final FeedTopic topic;
    private final TransactionTemplate transaction;
    private final FeedsProperties properties;
    private final Clock clock;

    FeedRegistry(FeedStore store, FeedTopic topic, TransactionTemplate transaction, FeedsProperties properties,
            Clock clock) {
        this.store = store;
        this.topic = topic;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The new feed, or the one already registered under the same canonical URL: the one registered with it,
     * or one that moved there by a permanent redirect.
     */
    Registration register(FeedRequest request) {
        var url = url(request.url());
        var name = name(request.name(), url);
        var interval = pollInterval(request.pollIntervalSeconds());
        var feed = Feed.registered(idOf(url), URI.create(url.value()), name, interval, clock.instant());
        return transaction.execute(status -> {
            if (!store.insert(feed)) {
                var existing = store.find(feed.id()).or(() -> store.findByUrl(feed.url()));
                return new Registration(existing.orElseThrow(() -> new IllegalStateException(
                        "feed " + feed.id() + " was just removed by another request; register it again")), false);
            }
            topic.announce(feed);
            return new Registration(feed, true);
        });
    }

    List<Feed> all() {
        return store.all();
    }

    Feed get(String id) {
        return store.find(id).orElseThrow(() -> new FeedNotFoundException(id));
    }

    void remove(String id) {
        transaction.executeWithoutResult(status -> {
            if (!store.delete(id)) {
                throw new FeedNotFoundException(id);
            }
            topic.retract(id);
        });
    }

    /**
     * Follows a permanent redirect: later polls, by whichever instance, go to the new URL. A URL another
     * feed already has is left alone (the two would be polled twice over); the poll's health says so.
     */
    public boolean moved(Feed feed, URI newUrl) {
        var moved = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!store.moveTo(feed.id(), newUrl)) {
                return false;
            }
            topic.announce(new Feed(feed.id(), newUrl, feed.name(), feed.pollInterval(), feed.createdAt(),
                    feed.etag(), feed.lastModified(), feed.nextPollAt(), feed.lastPolledAt(), feed.lastSuccessAt(),
                    feed.lastError(), feed.lastErrorAt(), feed.consecutiveFailures(), feed.storiesPublished()));
            return true;
        }));
        if (moved) {
            log.info("Feed {} moved permanently from {} to {}", feed.id(), feed.url(), newUrl);
        } else {
            log.warn("Feed {} redirects permanently to {}, which another feed already polls", feed.id(), newUrl);
        }
        return moved;
    }

    private static CanonicalUrl url(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidFeedException("url", "is required: the absolute http(s) URL of the feed");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new InvalidFeedException("url", "must be at most " + MAX_URL_LENGTH + " characters");
        }
        try {
            return CanonicalUrl.of(url);
        } catch (InvalidUrlException e) {
            throw new InvalidFeedException("url", e.getMessage());
        }
    }

    private static String name(String name, CanonicalUrl url) {
        var text = PlainText.line(name);
        if (text.length() > MAX_NAME_LENGTH) {
            throw new InvalidFeedException("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return text.isEmpty() ? url.publisher() : text;
    }

    private Duration pollInterval(Long seconds) {
        if (seconds == null) {
            return properties.defaultPollInterval();
        }
        var interval = Duration.ofSeconds(seconds);
        if (interval.compareTo(properties.minPollInterval()) < 0 || interval.compareTo(MAX_POLL_INTERVAL) > 0) {
            throw new InvalidFeedException("pollIntervalSeconds", "must be between "
                    + properties.minPollInterval().toSeconds() + " and " + MAX_POLL_INTERVAL.toSeconds()
                    + ", got " + seconds);
        }
        return interval;
    }

    // The canonical URL makes registering the same feed twice, spelled differently, land on one feed.
    static String idOf(CanonicalUrl url) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(url.value().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, ID_HEX_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    record Registration(Feed feed, boolean created) {
    }
}
