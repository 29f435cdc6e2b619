package wirewatch.notify.routing;

import wirewatch.notify.subscription.Subscription;

/** Keeps alerts that flood control held back in the subscription's delivery history. */
public interface SuppressedCopies {

    /** Records that {@code alertId} was not sent to {@code subscription} because {@code suppressedBy} was. */
    void record(String alertId, Subscription subscription, String suppressedBy);
}
