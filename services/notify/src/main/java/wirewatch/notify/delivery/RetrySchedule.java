package wirewatch.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/** When a failed attempt is tried again: exponential delays from configuration, jitter, and {@code Retry-After}. */
final class RetrySchedule {

    /**
     * @param notBefore when the next attempt may start
     * @param tier      the configured delay whose retry topic the record waits in
     */
    record Next(Instant notBefore, Duration tier) {
    }

    private final RetryProperties properties;
    private final DoubleSupplier random;

    RetrySchedule(RetryProperties properties, DoubleSupplier random) {
        this.properties = properties;
        this.random = random;
    }

    /** Whether attempt number {@code attempt} (1-based, within a cycle) may be followed by another. */
    boolean hasAnotherAfter(int attempt) {
        return attempt < properties.maxAttempts();
    }

    /**
     * After attempt {@code attempt} failed at {@code now}: the attempt's own delay with jitter, or the receiver's
     * {@code Retry-After} when that is longer. {@code Retry-After} is capped at the longest configured delay, so a
     * receiver cannot park a delivery for a month.
     */
    Next after(int attempt, Duration retryAfter, Instant now) {
        var delays = properties.delays();
        var base = delays.get(attempt - 1);
        var stretch = 1 + properties.jitter() * (2 * random.getAsDouble() - 1);
        var jittered = Duration.ofMillis(Math.round(base.toMillis() * stretch));
        var longest = delays.getLast();
        var asked = retryAfter.compareTo(longest) > 0 ? longest : retryAfter;
        if (asked.compareTo(jittered) <= 0) {
            return new Next(now.plus(jittered), base);
        }
        // A record waits behind the records ahead of it in its topic partition, so it goes to the tier whose
        // records wait about as long as it must: the longest delay not above the wait.
        var tier = delays.stream().filter(delay -> delay.compareTo(asked) <= 0).reduce((a, b) -> b).orElse(base);
        return new Next(now.plus(asked), tier.compareTo(base) > 0 ? tier : base);
    }
}
