package wirewatch.notify.digest;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import wirewatch.events.Alert;
import wirewatch.notify.delivery.AlertStore;
import wirewatch.notify.delivery.Digest;
import wirewatch.notify.delivery.DigestSource;
import wirewatch.notify.routing.DigestInbox;
import wirewatch.notify.subscription.DigestSchedule;
import wirewatch.notify.subscription.Subscription;
import wirewatch.notify.subscription.SubscriptionStore;

/** Collects alerts into digests, and reads a digest back as it is sent. */
@Service
class Digests implements DigestInbox, DigestSource {

    /** An instant subscription's overflow goes out at the end of the clock hour whose cap it exceeded. */
    private static final DigestSchedule OVERFLOW = DigestSchedule.hourly(ZoneId.of("UTC"));

    private final DigestStore store;
    private final AlertStore alerts;
    private final SubscriptionStore subscriptions;

    Digests(DigestStore store, AlertStore alerts, SubscriptionStore subscriptions) {
        this.store = store;
        this.alerts = alerts;
        this.subscriptions = subscriptions;
    }

    @Override
    public void add(Subscription subscription, Alert alert, Instant now, boolean overflow) {
        alerts.save(alert);
        var schedule = overflow ? OVERFLOW : subscription.digest();
        store.add(subscription.id(), schedule, schedule.periodOf(now), alert.id(), overflow ? "overflow" : "digest",
                now);
    }

    /** A digest's content never changes once claimed: no alert joins a digest that is not open. */
    @Override
    public Optional<Digest> find(UUID digestId) {
        return store.find(digestId).flatMap(row -> subscriptions.find(row.subscriptionId())
                .map(subscription -> assemble(row, subscription)));
    }

    Digest assemble(DigestStore.Row row, Subscription subscription) {
        return DigestGrouping.group(row.id(), subscription, row.periodStart(), row.periodEnd(),
                store.alerts(row.id()));
    }
}
