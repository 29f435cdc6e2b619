package wirewatch.notify.digest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import wirewatch.notify.delivery.DigestDeliveries;
import wirewatch.notify.subscription.SubscriptionStatus;
import wirewatch.notify.subscription.SubscriptionStore;

/**
 * Sends due digests. Every {@code poll-interval} it claims the digests whose period has ended ({@code open} to
 * {@code sending}, in one statement that skips rows other instances hold), hands each to {@link DigestDeliveries}
 * (one delivery per digest, with the ledger's retries, dead letters and replays) and then marks it
 * {@code dispatched}. A sender that dies between claiming and marking leaves the digest {@code sending}; once
 * {@code claim-timeout} has passed, the next claim takes it over and sends it, or finds its delivery already
 * recorded and only marks it: a delivery whose attempt died with its sender is sent again, under the same id, by
 * the ledger's recovery of abandoned deliveries. So a digest is never lost, and never sent under two ids.
 */
@Component
class DigestScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);
    // At shutdown, how long a send in progress may finish; one cut short is taken over after the claim timeout.
    private static final long STOP_WAIT_SECONDS = 10;

    private final DigestStore store;
    private final Digests digests;
    private final SubscriptionStore subscriptions;
    private final DigestDeliveries deliveries;
    private final DigestProperties properties;
    private final Clock clock;
    private final AtomicLong backlog = new AtomicLong();
    private ScheduledExecutorService timer;

    DigestScheduler(DigestStore store, Digests digests, SubscriptionStore subscriptions, DigestDeliveries deliveries,
                    DigestProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.digests = digests;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("wirewatch.notify.digest.backlog", backlog, AtomicLong::get)
                .description("Alerts waiting in digests that are not sent yet").register(meters);
    }

    /** Sends every digest due now, in parallel, and answers how many it claimed. */
    int sendDue() {
        var now = clock.instant();
        var claimed = store.claimDue(now, now.minus(properties.claimTimeout()), properties.batchSize());
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var sends = new ArrayList<Future<?>>();
            for (var digest : claimed) {
                sends.add(executor.submit(() -> send(digest)));
            }
            for (var send : sends) {
                await(send);
            }
        }
        backlog.set(store.backlog());
        return claimed.size();
    }

    private void send(DigestStore.Row row) {
        var subscription = subscriptions.find(row.subscriptionId())
                .filter(found -> found.status() == SubscriptionStatus.ACTIVE);
        if (subscription.isEmpty()) {
            store.markCancelled(row.id());
            log.info("Digest {} not sent: its subscription {} no longer receives anything", row.id(),
                    row.subscriptionId());
            return;
        }
        deliveries.deliver(digests.assemble(row, subscription.get()), subscription.get());
        store.markDispatched(row.id(), clock.instant());
    }

    // One digest's failure (the database, Kafka) is logged and leaves it to be claimed again after the timeout;
    // the others go on.
    private static void await(Future<?> send) {
        try {
            send.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            log.error("A digest could not be sent; it is claimed again after the claim timeout", e.getCause());
        }
    }

    // Whatever goes wrong is logged and the next tick tries again: a scheduled task that throws is never run
    // again, which would stop every digest until a restart.
    private void tick() {
        try {
            while (sendDue() == properties.batchSize()) {
                log.debug("A full batch of digests was due; claiming the next one");
            }
        } catch (RuntimeException | Error e) {
            log.error("Sending due digests failed; trying again in {}", properties.pollInterval(), e);
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("notify-digests").daemon()
                .factory());
        var every = properties.pollInterval().toMillis();
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
