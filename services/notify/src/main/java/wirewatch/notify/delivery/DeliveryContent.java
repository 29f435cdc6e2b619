package wirewatch.notify.delivery;

import java.util.UUID;
import wirewatch.events.Alert;
import wirewatch.notify.subscription.Subscription;

/** What one delivery carries: an alert as it came, or a digest of several. */
sealed interface DeliveryContent {

    record OfAlert(Alert alert) implements DeliveryContent {
    }

    record OfDigest(Digest digest) implements DeliveryContent {
    }

    /** Makes one attempt with {@code sender}, the way the content asks for. */
    default SendOutcome sendWith(AlertSender sender, UUID deliveryId,
                                 Subscription subscription) {
        return switch (this) {
            case OfAlert(var alert) -> sender.send(deliveryId, subscription, alert);
            case OfDigest(var digest) -> sender.sendDigest(deliveryId, subscription, digest);
        };
    }
}
