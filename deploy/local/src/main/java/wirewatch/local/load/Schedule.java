package wirewatch.local.load;

import java.time.Duration;

/**
 * When each story is due, fixed before the first one is sent: story {@code n} is due {@code n / rate} seconds after
 * the start, whatever happened to the stories before it. Sending by the clock rather than after each response is
 * what keeps a slow response from hiding the delay it causes (coordinated omission): a story that could not be sent
 * on time still counts from its due time.
 *
 * @param rate     stories per second
 * @param duration how long stories are sent
 * @param warmUp   stories due before this are sent but left out of the statistics
 */
record Schedule(int rate, Duration duration, Duration warmUp) {

    Schedule {
        if (rate < 1) {
            throw new IllegalArgumentException("rate must be at least 1 story per second, was " + rate);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, was " + duration);
        }
        if (warmUp.isNegative() || warmUp.compareTo(duration) >= 0) {
            throw new IllegalArgumentException("the warm-up must be shorter than the duration, was " + warmUp);
        }
    }

    /** How many stories the run sends. */
    int size() {
        return (int) (duration.toNanos() * rate / 1_000_000_000L);
    }

    /** Nanoseconds from the start at which story {@code n} (from 0) is due. */
    long dueNanos(int n) {
        return n * 1_000_000_000L / rate;
    }

    /** Whether story {@code n} counts in the statistics. */
    boolean measured(int n) {
        return dueNanos(n) >= warmUp.toNanos();
    }
}
