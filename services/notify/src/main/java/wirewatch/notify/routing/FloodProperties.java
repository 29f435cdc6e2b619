package wirewatch.notify.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param window         an instant subscription gets at most one alert per (story cluster, category) within this
 *                       time; later copies are suppressed
 * @param instantPerHour the most instant alerts one subscription gets per clock hour (UTC); more go into a digest
 *                       sent at the end of that hour
 */
@ConfigurationProperties("wirewatch.notify.flood")
public record FloodProperties(Duration window, int instantPerHour) {

    public FloodProperties {
        if (window == null || window.isNegative()) {
            throw new IllegalArgumentException("wirewatch.notify.flood.window must be a duration of zero or more "
                    + "(zero turns flood control off), was " + window);
        }
        if (instantPerHour < 1) {
            throw new IllegalArgumentException("wirewatch.notify.flood.instant-per-hour must be at least 1, was "
                    + instantPerHour);
        }
    }
}
