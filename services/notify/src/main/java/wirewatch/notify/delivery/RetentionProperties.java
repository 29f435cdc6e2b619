package wirewatch.notify.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param alerts    how long a stored alert (and a sent digest) is kept once no delivery in flight needs it; a failed
 *                  delivery can be replayed for this long
 * @param history   how long a subscription's delivery history is kept (final ledger rows, suppressed copies and the
 *                  routing decisions behind them). An alert read again after its history is gone would be routed and
 *                  sent again, so keep this longer than {@code news.alerts.v1} keeps records
 * @param interval  how often retention runs (and once at start-up)
 * @param batchSize rows one delete statement removes at most, so no statement holds many locks for long
 */
@ConfigurationProperties("wirewatch.notify.retention")
record RetentionProperties(Duration alerts, Duration history, Duration interval, int batchSize) {

    RetentionProperties {
        if (alerts == null || alerts.isNegative()) {
            throw new IllegalArgumentException("wirewatch.notify.retention.alerts must be zero or more, was " + alerts);
        }
        if (history == null || !history.isPositive()) {
            throw new IllegalArgumentException("wirewatch.notify.retention.history must be positive, was " + history);
        }
        if (interval == null || !interval.isPositive()) {
            throw new IllegalArgumentException("wirewatch.notify.retention.interval must be positive, was "
                    + interval);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("wirewatch.notify.retention.batch-size must be at least 1, was "
                    + batchSize);
        }
    }
}
