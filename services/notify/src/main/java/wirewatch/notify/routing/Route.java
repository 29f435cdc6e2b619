package wirewatch.notify.routing;

import java.util.Arrays;
import java.util.Locale;

/** What becomes of one alert for one subscription. */
enum Route {
    /** Sent now. */
    INSTANT,
    /** Not sent: the subscription got an instant alert of the same story cluster and category within the window. */
    SUPPRESSED,
    /** Kept for the subscription's next digest: it is a digest subscription. */
    DIGEST,
    /** Kept for the next digest of an instant subscription that reached its hourly cap. */
    OVERFLOW;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Route fromId(String id) {
        return Arrays.stream(values()).filter(route -> route.id().equals(id)).findFirst().orElseThrow();
    }
}
