package wirewatch.notify.routing;

import java.util.List;
import wirewatch.events.Alert;
import wirewatch.notify.subscription.Subscription;

/** Which part of an alert concerns a subscription. */
public final class Relevance {

    private Relevance() {
    }

    /**
     * The alert's matches in the subscription's categories that are at least as confident as it asks, in the
     * alert's order. The alert reaches the subscription exactly when this is not empty.
     */
    public static List<Alert.Match> matches(Alert alert, Subscription subscription) {
        return alert.matches().stream()
                .filter(match -> subscription.categories().contains(match.category()))
                .filter(match -> match.confidence() >= subscription.minConfidence())
                .toList();
    }

    /** The distinct categories of {@link #matches}, in the alert's order. */
    public static List<String> categories(Alert alert, Subscription subscription) {
        return matches(alert, subscription).stream().map(Alert.Match::category).distinct().toList();
    }
}
