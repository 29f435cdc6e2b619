package wirewatch.notify.delivery;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Service;
import wirewatch.events.Alert;
import wirewatch.notify.routing.Router;
import wirewatch.notify.subscription.Subscription;

/**
 * Makes the first attempt of every delivery an alert brings, each on its own. A failed attempt is handed to the
 * retry topics and never waited for here, so a failing receiver delays nobody's first attempt but, at most, by
 * its own request timeout on this alert.
 */
@Service
public class AlertDispatcher {

    private final Router router;
    private final DeliveryLedger ledger;
    private final AlertStore alerts;
    private final DeliveryAttempts attempts;
    private final DeliveryMetrics metrics;
    private final Semaphore sending;

    AlertDispatcher(Router router, DeliveryLedger ledger, AlertStore alerts,
                    DeliveryAttempts attempts, DeliveryMetrics metrics, DeliveryProperties properties) {
        this.router = router;
        this.ledger = ledger;
        this.alerts = alerts;
        this.attempts = attempts;
        this.metrics = metrics;
        this.sending = new Semaphore(properties.parallelism());
    }

    /**
     * Returns when every first attempt has been made. A receiver's failure is recorded on its delivery and never
     * reaches the caller; a failure of the ledger or of Kafka does, so the alert is read again later.
     */
    public void dispatch(Alert alert) {
        metrics.alertConsumed();
        var reached = router.instantRecipients(alert);
        if (reached.isEmpty()) {
            return;
        }
        alerts.save(alert);
        // The wrapper carries the listener's trace (and its baggage) onto each sending thread, so log lines, the
        // webhook's traceparent and the latency timers belong to the story's trace.
        try (var executor = ContextExecutorService.wrap(Executors.newVirtualThreadPerTaskExecutor(),
                ContextSnapshotFactory.builder().build())) {
            List<Future<?>> deliveries = reached.stream()
                    .<Future<?>>map(subscription -> executor.submit(() -> deliverWithPermit(alert, subscription)))
                    .toList();
            for (var delivery : deliveries) {
                await(delivery);
            }
        }
    }

    private void deliverWithPermit(Alert alert, Subscription subscription) {
        sending.acquireUninterruptibly();
        try {
            deliver(alert, subscription);
        } finally {
            sending.release();
        }
    }

    /**
     * Only a pending delivery is sent: one that is delivered, waiting for a retry or failed for good is already
     * someone else's business (the retry topics, or a replay), so re-reading an alert never sends it twice.
     */
    private void deliver(Alert alert, Subscription subscription) {
        var delivery = ledger.record(alert.id(), subscription);
        if (delivery.status() != DeliveryStatus.PENDING || !ledger.claimFirstAttempt(delivery.id())) {
            metrics.skippedDuplicate(subscription.channel());
            return;
        }
        attempts.attempt(delivery, subscription, new DeliveryContent.OfAlert(alert), 1);
    }

    private static void await(Future<?> delivery) {
        try {
            delivery.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering an alert", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
