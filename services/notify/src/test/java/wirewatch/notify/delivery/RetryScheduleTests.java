package wirewatch.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

    private static final Instant NOW = Instant.parse("2025-05-20T08:00:00Z");
    private static final RetryProperties PROPERTIES = new RetryProperties(
            List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10)), 0.2, 1);

    @Test
    void waitsTheAttemptsOwnDelayInItsTier() {
        var next = schedule(0.5).after(2, Duration.ZERO, NOW);

        assertThat(next.notBefore()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        assertThat(next.tier()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void stretchesOrShrinksTheDelayByAtMostTheJitter() {
        assertThat(schedule(0.0).after(1, Duration.ZERO, NOW).notBefore()).isEqualTo(NOW.plusSeconds(24));
        assertThat(schedule(0.999_999).after(1, Duration.ZERO, NOW).notBefore()).isEqualTo(NOW.plusSeconds(36));
    }

    @Test
    void honoursALongerRetryAfterInTheTierThatWaitsAboutAsLong() {
        var next = schedule(0.5).after(1, Duration.ofMinutes(5), NOW);

        assertThat(next.notBefore()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(next.tier()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void ignoresAShorterRetryAfter() {
        assertThat(schedule(0.5).after(1, Duration.ofSeconds(5), NOW).notBefore()).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void capsRetryAfterAtTheLongestDelay() {
        var next = schedule(0.5).after(1, Duration.ofDays(30), NOW);

        assertThat(next.notBefore()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(next.tier()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void allowsOneAttemptMoreThanThereAreDelays() {
        assertThat(schedule(0.5).hasAnotherAfter(3)).isTrue();
        assertThat(schedule(0.5).hasAnotherAfter(4)).isFalse();
    }

    private static RetrySchedule schedule(double random) {
        return new RetrySchedule(PROPERTIES, () -> random);
    }
}
