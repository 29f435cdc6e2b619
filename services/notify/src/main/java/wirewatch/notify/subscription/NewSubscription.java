package wirewatch.notify.subscription;

import java.time.Duration;
import java.util.List;

/** A subscription request that passed validation. */
record NewSubscription(Channel channel, String target, List<String> categories, double minConfidence, Mode mode,
                       Duration digestInterval) {
}
