package wirewatch.notify.delivery;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
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
 * its own request timeout on this alert. The alerts of a poll are routed together and their deliveries recorded
 * and claimed in one statement before anything is sent ({@link #route}); only the ones that statement inserted are
 * sent ({@link #send}), so an alert read again (after a crash, a rebalance, a redelivery) sends nothing that was
 * sent or is being sent.
 */
@Service
public class AlertDispatcher {

    private final Router router;
    private final DeliveryLedger ledger;
    private final DeliveryAttempts attempts;
    private final DeliveryMetrics metrics;
    private final Tracer tracer;
    private final Semaphore sending;

    AlertDispatcher(Router router, DeliveryLedger ledger, DeliveryAttempts attempts, DeliveryMetrics metrics,
                    Tracer tracer, DeliveryProperties properties) {
        this.router = router;
        this.ledger = ledger;
        this.attempts = attempts;
        this.metrics = metrics;
        this.tracer = tracer;
        this.sending = new Semaphore(properties.parallelism());
    }

    /**
     * An alert routed and its deliveries claimed, ready for its first attempts: the subscriptions it reaches now
     * and, of those, the deliveries this dispatcher claimed (the others were claimed before: sent, or someone
     * else's to send).
     */
    public record Routed(Alert alert, List<Subscription> recipients, Map<UUID, Delivery> claimed) {
    }

    /** {@link #route} and {@link #send} for one alert. */
    public void dispatch(Alert alert) {
        send(route(List.of(alert)).getFirst());
    }

    /**
     * Routes the alerts of a poll together, in their order, and records and claims all their deliveries in one
     * statement; answers each alert's first attempts to make, at its index. Nothing is sent yet. A failure (of the
     * database) reaches the caller, and what was routed or claimed before it is found again when the alerts are.
     */
    public List<Routed> route(List<Alert> alerts) {
        alerts.forEach(alert -> metrics.alertConsumed());
        var recipients = router.instantRecipients(alerts);
        var claimed = ledger.claimNew(alerts, recipients);
        var routed = new ArrayList<Routed>(alerts.size());
        var seen = new HashSet<String>();
        for (int index = 0; index < alerts.size(); index++) {
            var alert = alerts.get(index);
            // An alert twice in one poll is claimed for once; its second copy finds its deliveries taken.
            var claimedHere = seen.add(alert.id()) ? claimed.getOrDefault(alert.id(), Map.of())
                    : Map.<UUID, Delivery>of();
            routed.add(new Routed(alert, recipients.get(index), claimedHere));
        }
        return routed;
    }

    /**
     * Makes the first attempt of each claimed delivery and returns when every one has been made and recorded. A
     * receiver's failure is recorded on its delivery and never reaches the caller; a failure of the ledger or of
     * Kafka does, so the alert is read again later, and the deliveries it left pending are sent again by
     * {@link AbandonedDeliveries} once their claim times out.
     */
    public void send(Routed routed) {
        if (routed.recipients().isEmpty()) {
            return;
        }
        var content = new DeliveryContent.OfAlert(routed.alert());
        var trace = tracer.currentTraceContext().context();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> deliveries = new ArrayList<>(routed.claimed().size());
            for (var subscription : routed.recipients()) {
                var delivery = routed.claimed().get(subscription.id());
                if (delivery == null) {
                    metrics.skippedDuplicate(subscription.channel());
                } else {
                    // The permit is taken here rather than on the sending thread, so an alert for ten thousand
                    // subscriptions has as many sending threads alive as may send, not ten thousand parked ones.
                    sending.acquireUninterruptibly();
                    deliveries.add(submit(executor, () -> deliver(trace, delivery, subscription, content)));
                }
            }
            for (var delivery : deliveries) {
                await(delivery);
            }
        }
    }

    private Future<?> submit(ExecutorService executor, Runnable delivery) {
        try {
            return executor.submit(delivery);
        } catch (RuntimeException e) {
            sending.release();
            throw e;
        }
    }

    /**
     * Runs in the story's trace, its baggage included, so log lines, the webhook's {@code traceparent}, the latency
     * timers and a retry record's span belong to it. Only the trace context is carried over, not the caller's
     * whole context snapshot: restoring the alert's observation on every sending thread (its scope, its handlers'
     * scopes, its baggage scopes) cost about 4 % of notify's CPU per delivery, and nothing here reads it.
     *
     * <p>Runs holding a permit, and gives it back once the outcome is recorded: the permits bound the deliveries that
     * are sent and not yet known to the ledger, which are what a crash sends again. Given back once sent, they
     * bounded nothing of the kind once a poll's alerts were dispatched side by side: every delivery of the poll
     * could be answered and still unrecorded at the moment of a crash.
     */
    private void deliver(TraceContext trace, Delivery delivery, Subscription subscription, DeliveryContent content) {
        try (var inStorysTrace = tracer.currentTraceContext().maybeScope(trace)) {
            attempts.attempt(delivery, subscription, content, 1);
        } finally {
            sending.release();
        }
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
