package wirewatch.notify.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Records successful attempts in the ledger by group commit: every success that arrives while one batch is being
 * written goes into the next batch, one statement for all of them. Under load the batches grow with the load; when
 * idle, a success is written at once. This is what keeps the window between "the receiver answered 2xx" and "the
 * ledger says delivered" (in which a crash means sending again) down to about one database round trip.
 */
@Component
class DeliveredRecorder implements AutoCloseable {

    private static final int LARGEST_BATCH = 2000;
    private static final Duration CHECK_CLOSED_EVERY = Duration.ofMillis(100);

    private record Success(UUID deliveryId, UUID subscriptionId, CompletableFuture<Void> recorded) {
    }

    private final DeliveryLedger ledger;
    private final LinkedBlockingQueue<Success> waiting = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    DeliveredRecorder(DeliveryLedger ledger) {
        this.ledger = ledger;
        this.writer = Thread.ofPlatform().name("notify-delivered-recorder").daemon().start(this::writeBatches);
    }

    /**
     * Returns once the delivery is recorded as delivered, and its subscription's run of failures (if any) ended;
     * throws if the database refused.
     */
    void recordDelivered(UUID deliveryId, UUID subscriptionId) {
        if (closed) {
            throw new IllegalStateException("notify is shutting down; delivery " + deliveryId + " stays pending");
        }
        var success = new Success(deliveryId, subscriptionId, new CompletableFuture<>());
        waiting.add(success);
        success.recorded().join();
    }

    private void writeBatches() {
        var batch = new ArrayList<Success>();
        while (!closed || !waiting.isEmpty()) {
            try {
                var first = waiting.poll(CHECK_CLOSED_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            waiting.drainTo(batch, LARGEST_BATCH - batch.size());
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Success> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            ledger.markDelivered(batch.stream().map(Success::deliveryId).toList(),
                    batch.stream().map(Success::subscriptionId).distinct().toList());
            batch.forEach(success -> success.recorded().complete(null));
        } catch (RuntimeException e) {
            batch.forEach(success -> success.recorded().completeExceptionally(e));
        }
    }

    /** Writes what is waiting, then stops; the listeners have stopped sending by then. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        writer.join();
    }
}
