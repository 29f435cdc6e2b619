package wirewatch.notify.routing;

import java.time.Instant;
import wirewatch.events.Alert;
import wirewatch.notify.subscription.Subscription;

/**
 * Where alerts wait for a digest. Called inside the routing transaction, so an alert is in a digest exactly when
 * the decision to put it there is stored.
 */
public interface DigestInbox {

    /**
     * Adds {@code alert} to the subscription's digest that is open at {@code now}: the one of its digest
     * schedule, or for an instant subscription over its hourly cap ({@code overflow}) the one sent at the end of
     * the current clock hour.
     */
    void add(Subscription subscription, Alert alert, Instant now, boolean overflow);
}
