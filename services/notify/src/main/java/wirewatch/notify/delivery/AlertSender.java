package wirewatch.notify.delivery;

import java.time.Duration;
import java.util.Optional;
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
     * @param deliveryId the delivery's stable id, the same on every attempt and replay, to be shown to the
     *                   receiver for de-duplication
     */
    SendOutcome send(UUID deliveryId, Subscription subscription, Alert alert);

    /** Makes one attempt at a digest, answering like {@link #send}. */
    SendOutcome sendDigest(UUID deliveryId, Subscription subscription, Digest digest);

    /**
     * How long a subscription of this channel may fail every delivery, with no success in between, before it is
     * disabled; empty when the channel never disables subscriptions that way. The channel decides because what
     * "an endpoint that has gone away" looks like differs: a webhook URL nobody answers versus a mailbox.
     */
    default Optional<Duration> disableWhenFailingFor() {
        return Optional.empty();
    }
}
