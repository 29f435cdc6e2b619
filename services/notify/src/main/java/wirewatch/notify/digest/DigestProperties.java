package wirewatch.notify.digest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval how often each instance looks for due digests; a digest goes out at most this long after
 *                     its period ends
 * @param claimTimeout how long a claimed digest may stay unsent before another instance (or this one, restarted)
 *                     takes it over; longer than any send may take (the webhook request timeout, SMTP timeouts)
 * @param batchSize    the most digests one instance claims at a time
 */
@ConfigurationProperties("wirewatch.notify.digest")
record DigestProperties(Duration pollInterval, Duration claimTimeout, int batchSize) {

    DigestProperties {
        if (pollInterval == null || !pollInterval.isPositive()) {
            throw new IllegalArgumentException("wirewatch.notify.digest.poll-interval must be positive, was "
                    + pollInterval);
        }
        if (claimTimeout == null || !claimTimeout.isPositive()) {
            throw new IllegalArgumentException("wirewatch.notify.digest.claim-timeout must be positive, was "
                    + claimTimeout);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("wirewatch.notify.digest.batch-size must be at least 1, was "
                    + batchSize);
        }
    }
}
