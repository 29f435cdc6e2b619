package wirewatch.notify.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import wirewatch.notify.subscription.Mode;

/**
 * The routing decision for one alert and one subscription it is relevant to, from what the database says about
 * the subscription's recent alerts. Pure, so every rule is a unit test away.
 */
final class RoutingPolicy {

    /** The instant alert that holds a flood key: {@code alertId}, claimed at {@code claimedAt}. */
    record Holder(String alertId, Instant claimedAt) {
    }

    /**
     * @param claimed     the categories whose flood keys an instant alert takes
     * @param suppressedBy the alert whose instant delivery a suppressed one repeats
     */
    record Decision(Route route, List<String> claimed, String suppressedBy) {

        static Decision of(Route route) {
            return new Decision(route, List.of(), null);
        }
    }

    private final FloodProperties flood;

    RoutingPolicy(FloodProperties flood) {
        this.flood = flood;
    }

    /**
     * A digest subscription collects everything. An instant one gets the alert now if at least one of its
     * categories is news for the (story cluster, category) keys, that is no other alert holds the key or the
     * holder's window has passed; when every key is held the alert is suppressed. An alert that would be sent
     * beyond the hourly cap goes into the next digest instead and takes no key, so a later copy can still come
     * instantly once the cap allows.
     *
     * @param categories  the alert's categories that reach the subscription (confident enough), never empty
     * @param holders     current holders of the subscription's keys for the alert's cluster, by category
     * @param sentThisHour instant alerts the subscription got in the current clock hour
     */
    Decision decide(Mode mode, List<String> categories, Map<String, Holder> holders, int sentThisHour,
                    Instant now) {
        if (mode == Mode.DIGEST) {
            return Decision.of(Route.DIGEST);
        }
        var fresh = categories.stream().filter(category -> isFree(holders.get(category), now)).toList();
        if (fresh.isEmpty()) {
            return new Decision(Route.SUPPRESSED, List.of(), holders.get(categories.getFirst()).alertId());
        }
        if (sentThisHour >= flood.instantPerHour()) {
            return Decision.of(Route.OVERFLOW);
        }
        return new Decision(Route.INSTANT, fresh, null);
    }

    private boolean isFree(Holder holder, Instant now) {
        return holder == null || !holder.claimedAt().plus(flood.window()).isAfter(now);
    }
}
