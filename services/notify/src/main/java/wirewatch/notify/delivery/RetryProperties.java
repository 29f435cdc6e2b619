package wirewatch.notify.delivery;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param delays      the wait before each retry, ascending: the first failed attempt waits {@code delays[0]}, and
 *                    a delivery gets {@code delays.size() + 1} attempts in all before it is dead-lettered. Each
 *                    delay is also a retry topic ({@code notify.deliveries.retry.<delay>}), so changing the list
 *                    adds topics
 * @param jitter      each wait is stretched or shrunk at random by up to this fraction (0..1), so receivers that
 *                    failed together are not retried together
 * @param concurrency consumers of the retry topics; an attempt at a hanging receiver holds one of them for up to
 *                    the request timeout
 */
@ConfigurationProperties("wirewatch.notify.retry")
public record RetryProperties(List<Duration> delays, double jitter, int concurrency) {

    public RetryProperties {
        if (delays == null || delays.isEmpty()) {
            throw new IllegalArgumentException("wirewatch.notify.retry.delays must list at least one delay, "
                    + "e.g. 30s,2m,10m");
        }
        delays = List.copyOf(delays);
        for (int i = 0; i < delays.size(); i++) {
            if (!delays.get(i).isPositive() || (i > 0 && delays.get(i).compareTo(delays.get(i - 1)) <= 0)) {
                throw new IllegalArgumentException("wirewatch.notify.retry.delays must be positive and strictly "
                        + "ascending, was " + delays);
            }
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("wirewatch.notify.retry.jitter must be within [0, 1), was " + jitter);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("wirewatch.notify.retry.concurrency must be at least 1, was "
                    + concurrency);
        }
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }
}
