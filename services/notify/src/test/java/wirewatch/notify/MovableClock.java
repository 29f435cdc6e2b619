package wirewatch.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock, moved ahead when a test wants a digest to be due without waiting for it. */
final class MovableClock extends Clock {

    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    void moveAhead(Duration duration) {
        ahead.updateAndGet(current -> current.plus(duration));
    }

    /** Moves the clock so that it shows {@code instant} now; it runs on from there. */
    void moveTo(Instant instant) {
        ahead.set(Duration.between(Instant.now(), instant));
    }

    void reset() {
        ahead.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("notify reads instants only");
    }
}
