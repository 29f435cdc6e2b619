package wirewatch.notify.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param parallelism how many deliveries of one alert are sent at the same time, so one slow receiver delays
 *                    the others by at most its own timeout
 */
@ConfigurationProperties("wirewatch.notify.delivery")
record DeliveryProperties(int parallelism) {

    DeliveryProperties {
        if (parallelism < 1) {
            throw new IllegalArgumentException("wirewatch.notify.delivery.parallelism must be at least 1, was "
                    + parallelism);
        }
    }
}
