package wirewatch.notify.routing;

import java.util.List;
import wirewatch.notify.subscription.Subscription;

/** Keeps alerts that flood control held back in the subscription's delivery history. */
public interface SuppressedCopies {

    /** {@code alertId} was not sent to {@code subscription} because {@code suppressedBy} was. */
    record Copy(Subscription subscription, String suppressedBy) {
    }

    /** Records every copy of {@code alertId} that was held back, in one go. */
    void record(String alertId, List<Copy> copies);
}
