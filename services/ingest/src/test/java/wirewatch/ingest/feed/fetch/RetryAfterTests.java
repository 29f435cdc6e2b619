package wirewatch.ingest.feed.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryAfterTests {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.parse(" 90 ", NOW)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void readsAnHttpDate() {
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 12:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void treatsADateInThePastAsNoWait() {
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 11:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.parse("-5", NOW)).isNull();
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isNull();
        assertThat(RetryAfter.parse(null, NOW)).isNull();
    }
}
