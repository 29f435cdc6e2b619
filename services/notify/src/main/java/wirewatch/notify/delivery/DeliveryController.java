package wirewatch.notify.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import wirewatch.notify.subscription.SubscriptionNotFoundException;
import wirewatch.notify.subscription.SubscriptionStore;

@RestController
class DeliveryController {

    private static final int MOST_DELIVERIES = 1000;

    private final SubscriptionStore subscriptions;
    private final DeliveryLedger ledger;

    DeliveryController(SubscriptionStore subscriptions, DeliveryLedger ledger) {
        this.subscriptions = subscriptions;
        this.ledger = ledger;
    }

    /** Newest first; {@code limit} (1..1000, default 100) bounds the answer. */
    @GetMapping("/api/subscriptions/{id}/deliveries")
    List<View> history(@PathVariable UUID id, @RequestParam(defaultValue = "100") int limit) {
        if (subscriptions.find(id).isEmpty()) {
            throw new SubscriptionNotFoundException(id);
        }
        return ledger.history(id, Math.clamp(limit, 1, MOST_DELIVERIES)).stream().map(View::of).toList();
    }

    record View(UUID id, String alertId, String channel, String status, int attempts, String lastError,
                Instant createdAt, Instant deliveredAt) {

        static View of(Delivery delivery) {
            return new View(delivery.id(), delivery.alertId(), delivery.channel().id(), delivery.status().id(),
                    delivery.attempts(), delivery.lastError(), delivery.createdAt(), delivery.deliveredAt());
        }
    }
}
