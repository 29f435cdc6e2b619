package wirewatch.ingest.feed.poll;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to poll a feed again. A healthy feed waits its poll interval; after {@code n} failures in a row it waits
 * {@code interval × 2^n}, up to the cap, varied by ±20 % so feeds that failed together (one host down) do not
 * come back together. A server's {@code Retry-After} is honoured up to the cap, never below the interval.
 */
final class Backoff {

    private static final double JITTER = 0.2;

    private final Duration cap;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1) */
    Backoff(Duration cap, DoubleSupplier random) {
        this.cap = cap;
        this.random = random;
    }

    Duration afterSuccess(Duration interval) {
        return interval;
    }

    Duration afterFailure(Duration interval, int consecutiveFailures) {
        var exponent = Math.min(consecutiveFailures, 30);
        var base = Math.min(cap.toMillis(), interval.toMillis() * (1L << exponent));
        var jittered = (long) (base * (1 - JITTER + 2 * JITTER * random.getAsDouble()));
        return Duration.ofMillis(Math.max(interval.toMillis(), Math.min(cap.toMillis(), jittered)));
    }

    Duration afterRateLimit(Duration interval, int consecutiveFailures, Duration retryAfter) {
        if (retryAfter == null) {
            return afterFailure(interval, consecutiveFailures);
        }
        var wait = retryAfter.compareTo(interval) < 0 ? interval : retryAfter;
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}
