package wirewatch.notify.subscription;

import java.util.UUID;

/** No subscription has the id a caller asked for. */
public class SubscriptionNotFoundException extends RuntimeException {

    public SubscriptionNotFoundException(UUID id) {
        super("no subscription with id " + id + ": it was never created or has been deleted");
    }
}
