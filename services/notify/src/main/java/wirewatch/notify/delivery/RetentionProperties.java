package wirewatch.notify.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param alerts   how long a stored alert is kept once no delivery in flight needs it; a failed delivery can be
 *                 replayed for this long
 * @param interval how often old alerts are deleted (and once at start-up)
 */
@ConfigurationProperties("wirewatch.notify.retention")
record RetentionProperties(Duration alerts, Duration interval) {

    RetentionProperties {
        if (alerts == null || alerts.isNegative()) {
            throw new IllegalArgumentException("wirewatch.notify.retention.alerts must be zero or more, was " + alerts);
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("wirewatch.notify.retention.interval must be positive, was "
                    + interval);
        }
    }
}
