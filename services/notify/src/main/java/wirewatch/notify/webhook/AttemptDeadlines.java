package wirewatch.notify.webhook;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Bounds whole attempts, for a receiver that trickles its answer a byte at a time (the socket timeout only bounds
 * each wait for bytes). One thread sweeps the attempts in flight a few times a second and cancels those past their
 * deadline: a task scheduled and cancelled per request cost more than the rest of the request's bookkeeping. Every
 * attempt has the same timeout, so the attempts are queued in deadline order and a sweep stops at the first one
 * still within its time.
 */
final class AttemptDeadlines implements AutoCloseable {

    private static final Duration SWEEP_EVERY = Duration.ofMillis(100);

    /** One attempt in flight: running until it ends by itself or its deadline passes, whichever comes first. */
    static final class Attempt {

        private static final int RUNNING = 0;
        private static final int ENDED = 1;
        private static final int TIMED_OUT = 2;

        private final Cancellable request;
        private final long deadline;
        private final AtomicInteger state = new AtomicInteger(RUNNING);

        private Attempt(Cancellable request, long deadline) {
            this.request = request;
            this.deadline = deadline;
        }

        /** Ends the attempt; {@code false} if its deadline had passed and it was cancelled. */
        boolean end() {
            return state.compareAndSet(RUNNING, ENDED) || state.get() == ENDED;
        }

        private boolean ended() {
            return state.get() == ENDED;
        }

        private void timeOut() {
            if (state.compareAndSet(RUNNING, TIMED_OUT)) {
                request.cancel();
            }
        }
    }

    private final long timeout;
    private final ConcurrentLinkedQueue<Attempt> inFlight = new ConcurrentLinkedQueue<>();
    private final Thread sweeper;

    AttemptDeadlines(Duration timeout) {
        this.timeout = timeout.toNanos();
        this.sweeper = Thread.ofPlatform().name("notify-webhook-deadlines").daemon().start(this::sweepUntilClosed);
    }

    /** Starts the clock on an attempt; the caller must {@link Attempt#end() end} it however it goes. */
    Attempt start(Cancellable request) {
        var attempt = new Attempt(request, System.nanoTime() + timeout);
        inFlight.add(attempt);
        return attempt;
    }

    private void sweepUntilClosed() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(SWEEP_EVERY);
                sweep(System.nanoTime());
            }
        } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drops the ended attempts at the head of the queue and cancels the overdue ones, up to the first in time. */
    private void sweep(long now) {
        Attempt head;
        while ((head = inFlight.peek()) != null) {
            if (!head.ended() && now - head.deadline < 0) {
                return;
            }
            inFlight.poll();
            head.timeOut();
        }
    }

    @Override
    public void close() {
        sweeper.interrupt();
    }
}
