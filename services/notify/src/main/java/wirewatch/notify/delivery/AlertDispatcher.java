package wirewatch.notify.delivery;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.springframework.core.log.LogAccessor;
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
public class AlertDispatcher implements AutoCloseable {

    private static final LogAccessor LOG = new LogAccessor(AlertDispatcher.class);

    private final Router router;
    private final DeliveryLedger ledger;
    private final DeliveryAttempts attempts;
    private final DeliveryMetrics metrics;
    private final Tracer tracer;
    private final Semaphore sending;
    private final ExecutorService firstAttempts = Executors.newVirtualThreadPerTaskExecutor();

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
     * Starts the first attempt of each claimed delivery and returns once every one has started, without waiting for
     * the receivers: the deliveries are claimed in the ledger already, so from here on they no longer need the
     * alert's record. The poll's offsets can be committed and the next poll's alerts routed while these are in
     * flight; waiting for them made each partition's next alerts wait for the poll's slowest receiver (at 200
     * stories/s the alert stage took a p50 of 53 ms, most of it queued behind sends). A receiver's failure is recorded
     * on its delivery; a failure of the ledger or of Kafka while recording an attempt leaves the delivery pending, and
     * {@link AbandonedDeliveries} makes the attempt again once its claim times out, as after a crash. Reading the
     * alert again could not have sent it anyway: its deliveries are claimed.
     */
    public void send(Routed routed) {
        if (routed.recipients().isEmpty()) {
            return;
        }
        var content = new DeliveryContent.OfAlert(routed.alert());
        var trace = tracer.currentTraceContext().context();
        for (var subscription : routed.recipients()) {
            var delivery = routed.claimed().get(subscription.id());
            if (delivery == null) {
                metrics.skippedDuplicate(subscription.channel());
            } else {
                // The permit is taken here rather than on the sending thread, so an alert for ten thousand
                // subscriptions has as many sending threads alive as may send, not ten thousand parked ones, and a
                // poll that finds every permit taken waits here: the permits are the back-pressure on the listener.
                sending.acquireUninterruptibly();
                start(() -> deliver(trace, delivery, subscription, content));
            }
        }
    }

    private void start(Runnable attempt) {
        try {
            firstAttempts.execute(attempt);
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
        } catch (RuntimeException e) {
            // The attempt is left pending in the ledger, as after a crash, and made again once its claim times out.
            LOG.error(e, () -> "The first attempt of delivery " + delivery.id() + " could not be recorded; "
                    + "it stays pending and is made again by the recovery of abandoned deliveries");
        } finally {
            sending.release();
        }
    }

    /** Waits for the first attempts in flight, so a shutdown leaves none pending that could have been finished. */
    @Override
    public void close() {
        firstAttempts.close();
    }
}
