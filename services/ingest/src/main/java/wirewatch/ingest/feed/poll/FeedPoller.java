package wirewatch.ingest.feed.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import wirewatch.ingest.feed.FeedsProperties;
import wirewatch.ingest.feed.fetch.FeedFetcher;
import wirewatch.ingest.feed.fetch.FetchRequest;
import wirewatch.ingest.feed.fetch.FetchResult;
import wirewatch.ingest.feed.poll.FeedMetrics.PollOutcome;
import wirewatch.ingest.feed.reader.FeedFormatException;
import wirewatch.ingest.feed.reader.FeedItem;
import wirewatch.ingest.feed.reader.FeedReader;
import wirewatch.ingest.feed.registry.Feed;
import wirewatch.ingest.feed.registry.FeedRegistry;
import wirewatch.ingest.feed.registry.FeedStore;
import wirewatch.ingest.story.PublishFailedException;
import wirewatch.ingest.story.StoryMetrics;

/**
 * One poll of one feed: fetch, read, publish the new items oldest first, and store the outcome as the feed's
 * state. The validators of a response are stored only once all its items are published, so a poll cut short
 * (Kafka down) fetches the whole document again next time instead of getting a 304 and losing items.
 */
@Component
class FeedPoller {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final FeedFetcher fetcher;
    private final FeedReader reader;
    private final FeedItemIngestion ingestion;
    private final FeedStore store;
    private final FeedRegistry registry;
    private final FeedMetrics metrics;
    private final StoryMetrics storyMetrics;
    private final Clock clock;
    private final Backoff backoff;

    FeedPoller(FeedFetcher fetcher, FeedReader reader, FeedItemIngestion ingestion, FeedStore store,
            FeedRegistry registry, FeedMetrics metrics, StoryMetrics storyMetrics, FeedsProperties properties,
            Clock clock) {
        this.fetcher = fetcher;
        this.reader = reader;
        this.ingestion = ingestion;
        this.store = store;
        this.registry = registry;
        this.metrics = metrics;
        this.storyMetrics = storyMetrics;
        this.clock = clock;
        this.backoff = new Backoff(properties.maxBackoff(), () -> ThreadLocalRandom.current().nextDouble());
    }

    void poll(Feed feed) {
        var started = clock.instant();
        try {
            fetchAndPublish(feed, started);
        } catch (RuntimeException e) {
            // A bug or a reader choking on one document must not make the feed due again on every tick.
            log.error("Feed {}: unexpected failure", feed.id(), e);
            failed(feed, PollOutcome.FAILED, "unexpected error: " + e, started,
                    backoff.afterFailure(feed.pollInterval(), feed.consecutiveFailures() + 1));
        }
    }

    private void fetchAndPublish(Feed feed, Instant started) {
        var result = fetcher.fetch(new FetchRequest(feed.url(), feed.etag(), feed.lastModified()));
        if (result.movedTo() != null && !result.movedTo().equals(feed.url())) {
            registry.moved(feed, result.movedTo());
        }
        switch (result) {
            case FetchResult.Fetched fetched -> publish(feed, fetched, started);
            case FetchResult.NotModified notModified -> succeeded(feed, PollOutcome.NOT_MODIFIED, null, null, 0, started);
            case FetchResult.RateLimited limited -> {
                var wait = backoff.afterRateLimit(feed.pollInterval(), feed.consecutiveFailures() + 1,
                        limited.retryAfter());
                failed(feed, PollOutcome.RATE_LIMITED, "HTTP " + limited.status() + (limited.retryAfter() == null
                        ? ", no Retry-After"
                        : ", Retry-After " + limited.retryAfter().toSeconds() + " s"), started, wait);
            }
            case FetchResult.Failed failure -> failed(feed, PollOutcome.FAILED, failure.reason(), started,
                    backoff.afterFailure(feed.pollInterval(), feed.consecutiveFailures() + 1));
        }
    }

    private void publish(Feed feed, FetchResult.Fetched fetched, Instant started) {
        var failureBackoff = backoff.afterFailure(feed.pollInterval(), feed.consecutiveFailures() + 1);
        List<FeedItem> items;
        try {
            items = reader.read(fetched.document(), fetched.contentType(), fetched.location()).items();
        } catch (FeedFormatException e) {
            failed(feed, PollOutcome.FAILED, "unreadable feed: " + e.getMessage(), started, failureBackoff);
            return;
        }
        var published = 0;
        // Feeds list newest first; publishing oldest first keeps the stream in the publisher's order.
        for (var item : items.reversed()) {
            FeedStory story;
            try {
                story = ItemNormaliser.normalise(item, feed.name(), clock.instant());
            } catch (ItemNormaliser.UnusableItemException e) {
                log.info("Feed {}: skipping item {}: it {}", feed.id(), item.guid() != null ? item.guid() : item.link(),
                        e.getMessage());
                storyMetrics.rejected(feed.name());
                continue;
            }
            try {
                switch (ingestion.ingest(feed.id(), feed.name(), story)) {
                    case PUBLISHED -> published++;
                    case SEEN_ITEM, SEEN_STORY -> metrics.duplicate(feed.name());
                }
            } catch (PublishFailedException e) {
                failed(feed, PollOutcome.FAILED, "could not publish to Kafka: " + e.getMessage(), started, failureBackoff,
                        published);
                return;
            }
        }
        succeeded(feed, PollOutcome.OK, fetched.etag(), fetched.lastModified(), published, started);
    }

    private void succeeded(Feed feed, PollOutcome outcome, String etag, String lastModified, int published,
            Instant started) {
        store.recordSuccess(feed.id(), etag, lastModified, started, started.plus(backoff.afterSuccess(feed.pollInterval())),
                published);
        metrics.polled(feed.id(), feed.name(), outcome, 0);
    }

    private void failed(Feed feed, PollOutcome outcome, String error, Instant started, Duration wait) {
        failed(feed, outcome, error, started, wait, 0);
    }

    private void failed(Feed feed, PollOutcome outcome, String error, Instant started, Duration wait, int published) {
        log.warn("Feed {} ({}): {}; next poll in {} s", feed.id(), feed.url(), error, wait.toSeconds());
        store.recordFailure(feed.id(), error, started, started.plus(wait), published);
        metrics.polled(feed.id(), feed.name(), outcome, feed.consecutiveFailures() + 1);
    }
}
