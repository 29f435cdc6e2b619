package wirewatch.ingest.feed.poll;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import wirewatch.ingest.feed.FeedsProperties;
import wirewatch.ingest.feed.registry.Feed;
import wirewatch.ingest.feed.registry.FeedStore;

/**
 * Every tick, starts a poll of each owned feed that is due, each on its own virtual thread and at most
 * {@code max-concurrent-polls} at once, never two of one feed. A poll is bounded by the fetch timeout, so
 * a slow, failing or huge feed holds up only itself.
 */
@Component
class PollScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

    private final FeedOwnership ownership;
    private final FeedStore store;
    private final FeedPoller poller;
    private final FeedMetrics metrics;
    private final FeedsProperties properties;
    private final Clock clock;
    private final Semaphore permits;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService ticker;
    private ExecutorService polls;

    PollScheduler(FeedOwnership ownership, FeedStore store, FeedPoller poller, FeedMetrics metrics,
            FeedsProperties properties, Clock clock) {
        this.ownership = ownership;
        this.store = store;
        this.poller = poller;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
        this.permits = new Semaphore(properties.maxConcurrentPolls());
    }

    @Override
    public synchronized void start() {
        polls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("feed-poll-", 0).factory());
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("feed-scheduler").daemon()
                .factory());
        var tick = properties.schedulerTick().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        ticker.shutdownNow();
        // Interrupting a poll aborts its fetch or rolls back its publish; the next owner polls again.
        polls.shutdownNow();
        try {
            if (!polls.awaitTermination(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Feed polls still running at shutdown: {}", inFlight);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ticker = null;
        polls = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }

    void tick() {
        try {
            var owned = ownership.ownedFeeds();
            metrics.retainFeeds(owned);
            owned.removeAll(inFlight);
            for (var feed : store.due(owned, clock.instant(), permits.availablePermits())) {
                if (!permits.tryAcquire()) {
                    break;
                }
                inFlight.add(feed.id());
                polls.execute(() -> pollAndRelease(feed));
            }
        } catch (RuntimeException e) {
            // The database being away is the likely cause; the next tick tries again.
            log.warn("Could not look for due feeds: {}", e.toString());
        }
    }

    private void pollAndRelease(Feed feed) {
        try {
            poller.poll(feed);
        } catch (RuntimeException e) {
            log.error("Poll of feed {} ({}) failed unexpectedly", feed.id(), feed.url(), e);
        } finally {
            inFlight.remove(feed.id());
            permits.release();
        }
    }
}
