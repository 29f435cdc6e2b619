package wirewatch.ingest.feed.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTests {

    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Duration CAP = Duration.ofHours(6);

    private final Backoff middle = new Backoff(CAP, () -> 0.5);

    @Test
    void waitsThePollIntervalAfterASuccess() {
        assertThat(middle.afterSuccess(INTERVAL)).isEqualTo(INTERVAL);
    }

    @Test
    void doublesTheWaitWithEachFailureInARow() {
        assertThat(middle.afterFailure(INTERVAL, 1)).isEqualTo(Duration.ofMinutes(10));
        assertThat(middle.afterFailure(INTERVAL, 2)).isEqualTo(Duration.ofMinutes(20));
        assertThat(middle.afterFailure(INTERVAL, 5)).isEqualTo(Duration.ofMinutes(160));
    }

    @Test
    void neverWaitsLongerThanTheCap() {
        assertThat(middle.afterFailure(INTERVAL, 7)).isEqualTo(CAP);
        assertThat(middle.afterFailure(INTERVAL, 1000)).isEqualTo(CAP);
    }

    @Test
    void variesTheWaitByAFifthEitherWay() {
        var low = new Backoff(CAP, () -> 0.0);
        var high = new Backoff(CAP, () -> 0.999_999);

        assertThat(low.afterFailure(INTERVAL, 2)).isEqualTo(Duration.ofMinutes(16));
        assertThat(high.afterFailure(INTERVAL, 2)).isBetween(Duration.ofMinutes(23).plusSeconds(59),
                Duration.ofMinutes(24));
    }

    @Test
    void neverWaitsLessThanTheIntervalEvenWithJitter() {
        var low = new Backoff(Duration.ofMinutes(6), () -> 0.0);

        assertThat(low.afterFailure(INTERVAL, 1)).isEqualTo(INTERVAL);
    }

    @Test
    void honoursRetryAfterBetweenTheIntervalAndTheCap() {
        assertThat(middle.afterRateLimit(INTERVAL, 1, Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(30));
        assertThat(middle.afterRateLimit(INTERVAL, 1, Duration.ofSeconds(10))).isEqualTo(INTERVAL);
        assertThat(middle.afterRateLimit(INTERVAL, 1, Duration.ofDays(3))).isEqualTo(CAP);
    }

    @Test
    void backsOffAsOnFailureWhenARateLimitSaysNotHowLong() {
        assertThat(middle.afterRateLimit(INTERVAL, 2, null)).isEqualTo(Duration.ofMinutes(20));
    }
}
