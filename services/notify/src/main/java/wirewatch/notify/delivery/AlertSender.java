package wirewatch.notify.delivery;

import java.util.UUID;
import wirewatch.events.Alert;
import wirewatch.notify.subscription.Channel;
import wirewatch.notify.subscription.Subscription;

/** Sends alerts over one channel. One implementation per {@link Channel}. */
public interface AlertSender {

    Channel channel();

    /**
     * Makes one attempt. Answers instead of throwing when the receiver or the network fails, so the caller can
     * record the failure and go on with the other subscribers.
     *
     * @param deliveryId the delivery's stable id, to be shown to the receiver for de-duplication
     */
    SendOutcome send(UUID deliveryId, Subscription subscription, Alert alert);
}
