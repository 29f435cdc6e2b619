package wirewatch.notify.delivery;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import wirewatch.notify.subscription.SubscriptionNotFoundException;
import wirewatch.notify.subscription.SubscriptionStore;

@RestController
class DeliveryController {

    private static final int MOST_DELIVERIES = 1000;

    private final SubscriptionStore subscriptions;
    private final DeliveryLedger ledger;
    private final Replays replays;

    DeliveryController(SubscriptionStore subscriptions, DeliveryLedger ledger, Replays replays) {
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.replays = replays;
    }

    /** Newest first; {@code limit} (1..1000, default 100) bounds the answer. */
    @GetMapping("/api/subscriptions/{id}/deliveries")
    List<View> history(@PathVariable UUID id, @RequestParam(defaultValue = "100") int limit) {
        if (subscriptions.find(id).isEmpty()) {
            throw new SubscriptionNotFoundException(id);
        }
        var history = ledger.history(id, Math.clamp(limit, 1, MOST_DELIVERIES));
        var suppressors = ledger.idsOf(id, history.stream().map(Delivery::suppressedByAlert)
                .filter(Objects::nonNull).distinct().toList());
        return history.stream().map(delivery -> View.of(delivery, suppressors)).toList();
    }

    /** Sends a failed delivery again now, with the same id; 409 when it is delivered or still in flight. */
    @PostMapping("/api/deliveries/{id}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    View replay(@PathVariable UUID id) {
        return View.of(replays.replay(id), Map.of());
    }

    /** Sends every failed delivery of the subscription created at or after {@code since} again. */
    @PostMapping("/api/subscriptions/{id}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Replayed replayFailed(@PathVariable UUID id, @RequestParam String since) {
        Instant from;
        try {
            from = Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new InvalidSinceException(since);
        }
        return new Replayed(replays.replayFailedSince(id, from));
    }

    /**
     * @param alertId       the alert, or {@code digest:<id>} for a digest
     * @param status        pending, retrying, delivered, failed or suppressed
     * @param nextAttemptAt when a retrying delivery is tried next
     * @param suppressedBy  for a suppressed copy: the delivery (and its alert) that made it one
     */
    record View(UUID id, String alertId, String channel, String status, int attempts, String lastError,
                Instant nextAttemptAt, Instant lastAttemptAt, Instant createdAt, Instant deliveredAt,
                SuppressedBy suppressedBy) {

        /** @param suppressors delivery ids by alert id, for the suppressed deliveries among those shown */
        static View of(Delivery delivery, Map<String, UUID> suppressors) {
            var suppressedBy = delivery.suppressedByAlert() == null ? null
                    : new SuppressedBy(suppressors.get(delivery.suppressedByAlert()), delivery.suppressedByAlert());
            return new View(delivery.id(), delivery.alertId(), delivery.channel().id(), delivery.status().id(),
                    delivery.attempts(), delivery.lastError(), delivery.nextAttemptAt(), delivery.lastAttemptAt(),
                    delivery.createdAt(), delivery.deliveredAt(), suppressedBy);
        }
    }

    record SuppressedBy(UUID deliveryId, String alertId) {
    }

    record Replayed(int replayed) {
    }
}
