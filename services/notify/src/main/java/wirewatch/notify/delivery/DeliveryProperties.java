package wirewatch.notify.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param parallelism      how many deliveries of one alert are sent at the same time, so one slow receiver delays
 *                         the others by at most its own timeout
 * @param claimTimeout     a delivery whose attempt began this long ago and is still not recorded was abandoned
 *                         (its process died) and is attempted again; longer than any attempt may take
 * @param recoveryInterval how often to look for abandoned deliveries (and once at start-up)
 */
@ConfigurationProperties("wirewatch.notify.delivery")
record DeliveryProperties(int parallelism, Duration claimTimeout, Duration recoveryInterval) {

    DeliveryProperties {
        if (parallelism < 1) {
            throw new IllegalArgumentException("wirewatch.notify.delivery.parallelism must be at least 1, was "
                    + parallelism);
        }
        if (claimTimeout == null || claimTimeout.isNegative() || claimTimeout.isZero()) {
            throw new IllegalArgumentException("wirewatch.notify.delivery.claim-timeout must be positive, was "
                    + claimTimeout);
        }
        if (recoveryInterval == null || recoveryInterval.isNegative() || recoveryInterval.isZero()) {
            throw new IllegalArgumentException("wirewatch.notify.delivery.recovery-interval must be positive, was "
                    + recoveryInterval);
        }
    }
}
